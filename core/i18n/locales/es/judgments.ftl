# Valoraciones de cada respuesta que una campaña puede pedir tras el voto (core/campaigns/judgments.ts).
judgment-ask = Opcional, para la campaña: marca o puntúa cada respuesta (1–5★).
judgment-button = { $side } · { $label }
judgment-rating-button = { $side } · { $value }★
judgment-label-spam = Spam
judgment-label-fails-task = No cumple la tarea
judgment-label-wrong-language = Idioma equivocado
judgment-label-inappropriate = Inapropiada
judgment-label-personal-data = Datos personales
judgment-label-hate-speech = Discurso de odio
judgment-label-sexual-content = Contenido sexual
judgment-flag-set = Anotado: { $side } — { $label }.
judgment-flag-removed = Quitado: { $side } — { $label }.
judgment-rated = Anotado: { $side } con { $value }/{ $max }.
campaign-report-judgments = Valoraciones de las respuestas por los votantes
campaign-report-judged = respuestas valoradas
campaign-report-mean-rating = puntuación media
