# Avaliações de cada resposta que uma campanha pode pedir após o voto (core/campaigns/judgments.ts).
judgment-ask = Opcional, para a campanha: sinalize ou avalie cada resposta (1–5★).
judgment-button = { $side } · { $label }
judgment-rating-button = { $side } · { $value }★
judgment-label-spam = Spam
judgment-label-fails-task = Não cumpre a tarefa
judgment-label-wrong-language = Idioma errado
judgment-label-inappropriate = Inadequada
judgment-label-personal-data = Dados pessoais
judgment-label-hate-speech = Discurso de ódio
judgment-label-sexual-content = Conteúdo sexual
judgment-flag-set = Anotado: { $side } — { $label }.
judgment-flag-removed = Removido: { $side } — { $label }.
judgment-rated = Anotado: { $side } com nota { $value }/{ $max }.
campaign-report-judgments = Avaliações das respostas pelos votantes
campaign-report-judged = respostas avaliadas
campaign-report-mean-rating = nota média
