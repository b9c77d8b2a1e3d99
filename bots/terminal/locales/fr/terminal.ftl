# Textes propres au combat dans le terminal (npm run battle). Les messages du combat lui-même (réponses, vote,
# révélation) sont dans le catalogue du cœur.

terminal-usage =
    Usage : npm run battle -- [options] "votre question"

    Lance dans ce terminal un combat à l'aveugle entre deux des modèles configurés, demande votre vote, puis
    révèle les modèles avec leur temps de réponse et leur nombre de jetons. Servez-vous-en pour vérifier une
    configuration de modèles avant d'installer un bot. Le combat et le vote sont enregistrés comme les autres
    (DATABASE_URL, par défaut file:./data/pnyx.db).

    Options :
      --lang CODE       langue des messages : en, fr, de, es, it, pt, nl ou ar (par défaut : celle du système,
                        sinon celle de la configuration)
      --models a,b      ne faire combattre que ces modèles (au moins deux identifiants, séparés par des virgules)
      -h, --help        afficher cette aide

    Configuration : pnyx.config.yaml, ou le fichier désigné par PNYX_CONFIG.
    Vote : tapez a (A est meilleur), b (B est meilleur), t (égalité) ou x (les deux sont mauvais). Quand l'entrée
    n'est pas un terminal, la première ligne non vide de l'entrée est le vote, par exemple :
    echo a | npm run battle -- "Bonjour"

    Codes de sortie : 0 combat terminé et voté · 1 le combat a échoué (les modèles n'ont pas répondu) · 2 erreur
    d'usage ou de configuration · 3 aucun vote donné.
terminal-usage-hint = Lancez npm run battle -- --help pour l'usage.
terminal-error-arguments = Impossible de lire la ligne de commande : { $detail }
terminal-error-no-prompt = Donnez une question à envoyer aux deux modèles, par exemple : npm run battle -- "Qu'est-ce qu'un trou noir ?"
terminal-error-lang = --lang doit valoir en, fr, de, es, it, pt, nl ou ar (reçu « { $value } »).
terminal-error-models-count = --models demande au moins deux identifiants de modèles différents, séparés par des virgules (reçu « { $value } »).
terminal-error-models-unknown = Identifiant de modèle inconnu ou désactivé : { $ids }. Modèles actifs dans la configuration : { $known }.
terminal-config-error = La configuration n'est pas valide ({ $source }) :
terminal-startup-error = Pnyx n'a pas pu démarrer : { $detail }

terminal-streaming = Les modèles A et B répondent… A : { $a } caractères · B : { $b } caractères
terminal-vote-option = [{ $key }] { $label }
terminal-vote-prompt = Votre vote (a / b / t / x) :{ " " }
terminal-vote-invalid = « { $input } » n'est pas un vote. Tapez a (A est meilleur), b (B est meilleur), t (égalité) ou x (les deux sont mauvais), puis Entrée.
terminal-vote-missing = Aucun vote donné : l'entrée s'est terminée avant une ligne contenant a, b, t ou x. Le combat reste sans vote.
terminal-interrupted = Interrompu : le combat a été arrêté et ne compte pas.
terminal-no-conclusion = Le combat ne s'est pas terminé : le moteur n'a jamais ouvert le vote. Voir les lignes de journal ci-dessus.

terminal-problems = Ce qui n'a pas marché avec les modèles :
terminal-warnings = Problèmes de modèles rencontrés pendant ce combat :
terminal-side-failed = • Le modèle { $side } était { $model } (fournisseur « { $provider } ») : { $error }
terminal-unhealthy = • { $model } (fournisseur « { $provider } ») a échoué à son test de santé et a été écarté : { $error }
terminal-unhealthy-probe-ok = • { $model } (fournisseur « { $provider } ») a échoué à son test de santé (le serveur n'a pas donné la liste des modèles à temps) et a été écarté, bien qu'une requête d'essai ait fonctionné.
terminal-probe-timeout = pas de réponse à une requête d'essai en { $seconds } s
terminal-replaced = • { $model } a échoué avant d'écrire quoi que ce soit et a été remplacé par un autre modèle : { $error }
terminal-too-few-models = Un combat demande deux modèles qui fonctionnent ; { $count ->
    [0] aucun ne fonctionne.
    [one] un seul fonctionne.
   *[other] seulement { $count } fonctionnent.
}
