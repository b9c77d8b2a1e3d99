## Énergie à la révélation (core/energy/reveal.ts)

reveal-energy = ⚡ **{ $side }** : { NUMBER($wh, maximumSignificantDigits: 2) } Wh, { NUMBER($co2, maximumSignificantDigits: 2) } g CO₂e ≈ une ampoule LED de 5 W allumée { $led }, ou { $streaming } de vidéo en streaming
reveal-energy-method = Énergie estimée avec { $method } (mix électrique mondial ; matériel inclus)
energy-duration = { $unit ->
    [day] { $amount ->
        [one] 1 jour
       *[other] { $amount } jours
    }
    [hour] { $amount ->
        [one] 1 heure
       *[other] { $amount } heures
    }
    [minute] { $amount ->
        [one] 1 minute
       *[other] { $amount } minutes
    }
   *[second] { $amount ->
        [one] 1 seconde
       *[other] { $amount } secondes
    }
}

## Consentement, montré une fois à chaque personne la première fois qu’elle agit (core/engine/people.ts)

consent-notice = 🔒 **Vos données dans Pnyx** (message unique)
    Pnyx conserve vos messages, les réponses obtenues, vos votes et réactions, sous un identifiant interne, pas votre nom.
    Si les admins de cette discussion l’autorisent, ils peuvent être publiés dans un jeu de données ouvert pour la recherche, après filtrage des données personnelles et sous un pseudonyme.
    { $privacy } : votre statut et un bouton pour refuser la publication · { $mydata } : recevoir tout ce qui est conservé sur vous · { $forget } : l’effacer.
consent-short = 🔒 Pnyx conserve vos messages et votes, publiables sous pseudonyme. { $privacy } : refuser, les voir ou les effacer.

## /privacy : le statut de la personne

privacy-status = **Vos données**
    • Publication dans des jeux de données ouverts : { $optOut ->
        [yes] vous l’avez refusée : rien de vous n’est jamais publié.
       *[no] autorisée là où les admins d’une discussion l’autorisent (sous pseudonyme, données personnelles filtrées).
    }
    • Cette discussion : { $chatPublish ->
        [yes] ses admins autorisent la publication de ses données.
       *[no] ses données ne sont pas publiées.
    }
    • { $mydata } vous envoie tout ce qui est conservé sur vous ; { $forget } l’efface.
privacy-btn-opt-out = 🚫 Exclure mes données des publications
privacy-btn-opt-in = ✅ Autoriser de nouveau la publication
privacy-opted-out = C’est fait : rien de vous ne sera publié dans un jeu de données ouvert.
privacy-opted-in = C’est fait : vos données peuvent être publiées là où les admins d’une discussion l’autorisent (sous pseudonyme).

## /mydata

mydata-caption = Tout ce que Pnyx conserve sur vous, en JSON.
mydata-sent = Voici tout ce que Pnyx conserve sur vous : { $prompts } messages, { $votes } votes, { $reactions } réactions.
mydata-sent-direct = Je vous ai envoyé en message privé tout ce que Pnyx conserve sur vous.
mydata-private-only = Pour protéger votre vie privée, je n’envoie vos données qu’en privé : ouvrez une discussion privée avec moi et envoyez-y { $command }.
mydata-nothing = Pnyx ne conserve encore rien sur vous.

## /forget

forget-confirm = **Effacer vos données ?** Cela retire de Pnyx vos messages et les réponses obtenues, vos réactions, votre profil et vos votes, immédiatement et définitivement. Vous pouvez aussi garder vos votes, anonymement : ils comptent toujours dans le classement, sans rien qui mène à vous.
forget-btn-all = 🗑 Tout effacer
forget-btn-keep-votes = 🗑 Effacer, garder mes votes anonymes
forget-btn-cancel = Annuler
forget-done = Effacé : { $prompts } messages, { $replies } réponses, { $votes } votes, { $reactions } réactions. { $kept ->
    [0] Il ne reste rien de vous dans Pnyx.
   *[other] { $kept } votes ont été gardés, anonymement.
}
forget-cancelled = Rien n’a été effacé.

## Réglages : publication (admins)

settings-publish = Publication des données de cette discussion : { $on ->
    [yes] autorisée (sous pseudonyme, données personnelles filtrées ; chacun peut refuser avec { $privacy })
   *[no] non autorisée
}
settings-btn-publish = Publier les données : { $on ->
    [yes] oui
   *[no] non
}

## Profil facultatif (façon PRISM), proposé une fois après le troisième vote

profile-offer = Voulez-vous nous en dire un peu sur vous ? C’est facultatif et anonyme : les réponses ne servent que par tranches, pour montrer comment différents groupes classent les modèles. Chaque question peut être passée.
profile-btn-start = Répondre à quelques questions
profile-btn-skip = Passer
profile-btn-skip-question = Passer cette question
profile-btn-done = Terminé
profile-question-age = Quel âge avez-vous ?
profile-question-region = Où vivez-vous ?
profile-question-languages = Quelles langues parlez-vous ? (choisissez-en autant que nécessaire, puis Terminé)
profile-question-familiarity = Utilisez-vous des assistants conversationnels d’IA ?
profile-question-goal = Qu’attendez-vous surtout d’un modèle ?
profile-age-u18 = Moins de 18 ans
profile-age-18-24 = 18–24 ans
profile-age-25-34 = 25–34 ans
profile-age-35-44 = 35–44 ans
profile-age-45-54 = 45–54 ans
profile-age-55-64 = 55–64 ans
profile-age-65p = 65 ans ou plus
profile-region-eu = Europe
profile-region-na = Amérique du Nord
profile-region-la = Amérique latine
profile-region-af = Afrique
profile-region-me = Moyen-Orient
profile-region-as = Asie
profile-region-oc = Océanie
profile-lang-en = Anglais
profile-lang-fr = Français
profile-lang-es = Espagnol
profile-lang-de = Allemand
profile-lang-ar = Arabe
profile-lang-zh = Chinois
profile-lang-other = Autre
profile-familiarity-never = Jamais
profile-familiarity-sometimes = Parfois
profile-familiarity-weekly = Chaque semaine
profile-familiarity-daily = Chaque jour
profile-goal-factual = Des faits exacts
profile-goal-creative = De la créativité
profile-goal-concise = Des réponses courtes
profile-goal-detailed = Des réponses détaillées
profile-goal-safe = La sécurité
profile-goal-personal = Une touche personnelle
profile-saved = Enregistré. { profile-thanks }
profile-thanks = Merci !
profile-skipped = Pas de souci : la question ne vous sera plus posée. { $privacy } permet d’effacer vos réponses à tout moment.
profile-finished = Merci ! Vos réponses sont conservées avec vos données ; { $forget } les efface.

command-mydata = Recevoir tout ce que Pnyx conserve sur vous
command-forget = Effacer vos données de Pnyx
