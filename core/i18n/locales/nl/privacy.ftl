## Energie bij de onthulling (core/energy/reveal.ts)

reveal-energy = ⚡ **{ $side }**: { NUMBER($wh, maximumSignificantDigits: 2) } Wh, { NUMBER($co2, maximumSignificantDigits: 2) } g CO₂e ≈ een ledlamp van 5 W die { $led } brandt, of { $streaming } video streamen
reveal-energy-method = Energie geschat met { $method } (wereldwijde elektriciteitsmix; hardware inbegrepen)
energy-duration = { $unit ->
    [day] { $amount ->
        [one] 1 dag
       *[other] { $amount } dagen
    }
    [hour] { $amount ->
        [one] 1 uur
       *[other] { $amount } uur
    }
    [minute] { $amount ->
        [one] 1 minuut
       *[other] { $amount } minuten
    }
   *[second] { $amount ->
        [one] 1 seconde
       *[other] { $amount } seconden
    }
}

## Toestemming, één keer getoond aan iedereen die voor het eerst iets doet (core/engine/people.ts)

consent-notice = 🔒 **Over je gegevens in Pnyx** (eenmalige melding)
    Pnyx bewaart je prompts, de antwoorden daarop, je stemmen en je reacties onder een interne id, niet onder je naam.
    Als de beheerders van deze chat het toestaan, kunnen ze worden gepubliceerd in een open onderzoeksdataset, nadat persoonlijke gegevens eruit zijn gefilterd, en onder een pseudoniem.
    { $privacy }: je status en een knop om publicatie te weigeren · { $mydata }: ontvang alles wat over je is bewaard · { $forget }: wis het.
consent-short = 🔒 Pnyx bewaart je prompts en stemmen; ze kunnen gepseudonimiseerd worden gepubliceerd. { $privacy }: weigeren, bekijken of wissen.

## /privacy: de eigen status van de persoon

privacy-status = **Je gegevens**
    • Publicatie in open datasets: { $optOut ->
        [yes] je hebt geweigerd: er wordt nooit iets van jou gepubliceerd.
       *[no] toegestaan waar de beheerders van een chat het toestaan (gepseudonimiseerd, persoonlijke gegevens eruit gefilterd).
    }
    • Deze chat: { $chatPublish ->
        [yes] de beheerders staan toe dat de gegevens ervan worden gepubliceerd.
       *[no] de gegevens ervan worden niet gepubliceerd.
    }
    • { $mydata } stuurt je alles wat over je is bewaard; { $forget } wist het.
privacy-btn-opt-out = 🚫 Mijn gegevens buiten datasets houden
privacy-btn-opt-in = ✅ Publicatie weer toestaan
privacy-opted-out = Klaar: er wordt niets van jou gepubliceerd in een open dataset.
privacy-opted-in = Klaar: je gegevens kunnen worden gepubliceerd waar de beheerders van een chat het toestaan (gepseudonimiseerd).

## /mydata

mydata-caption = Alles wat Pnyx over je bewaart, als JSON.
mydata-sent = Hier is alles wat Pnyx over je bewaart: { $prompts } prompts, { $votes } stemmen, { $reactions } reacties.
mydata-sent-direct = Ik heb je alles wat Pnyx over je bewaart in een privébericht gestuurd.
mydata-private-only = Voor je privacy stuur ik je gegevens alleen privé: open een privéchat met mij en stuur daar { $command }.
mydata-nothing = Pnyx heeft nog niets over je bewaard.

## /forget

forget-confirm = **Je gegevens wissen?** Hiermee worden je prompts en de antwoorden daarop, je reacties, je profiel en je stemmen direct en definitief uit Pnyx verwijderd. Je kunt je stemmen ook anoniem laten staan: ze blijven meetellen in de ranglijst, zonder dat iets naar jou terugleidt.
forget-btn-all = 🗑 Alles wissen
forget-btn-keep-votes = 🗑 Wissen, stemmen anoniem bewaren
forget-btn-cancel = Annuleren
forget-done = Gewist: { $prompts } prompts, { $replies } antwoorden, { $votes } stemmen, { $reactions } reacties. { $kept ->
    [0] Er is niets meer van je over in Pnyx.
    [one] 1 stem is anoniem bewaard.
   *[other] { $kept } stemmen zijn anoniem bewaard.
}
forget-cancelled = Er is niets gewist.

## Chatinstellingen: publicatie (beheerders)

settings-publish = Publicatie van de gegevens van deze chat in open datasets: { $on ->
    [yes] toegestaan (gepseudonimiseerd, persoonlijke gegevens eruit gefilterd; iedereen kan weigeren met { $privacy })
   *[no] niet toegestaan
}
settings-btn-publish = Gegevens publiceren: { $on ->
    [yes] aan
   *[no] uit
}

## Optioneel profiel (naar het voorbeeld van PRISM), één keer aangeboden na de derde stem

profile-offer = Wil je ons iets over jezelf vertellen? Het is optioneel en anoniem: de antwoorden worden alleen in brede categorieën gebruikt, om te laten zien hoe verschillende groepen de modellen rangschikken. Je kunt elke vraag overslaan.
profile-btn-start = Een paar vragen beantwoorden
profile-btn-skip = Overslaan
profile-btn-skip-question = Deze vraag overslaan
profile-btn-done = Klaar
profile-question-age = Hoe oud ben je?
profile-question-region = Waar woon je?
profile-question-languages = Welke talen spreek je? (kies alles wat van toepassing is en dan Klaar)
profile-question-familiarity = Hoe vertrouwd ben je met AI-chatassistenten?
profile-question-goal = Wat wil je het liefst van een model?
profile-age-u18 = Jonger dan 18
profile-age-18-24 = 18–24
profile-age-25-34 = 25–34
profile-age-35-44 = 35–44
profile-age-45-54 = 45–54
profile-age-55-64 = 55–64
profile-age-65p = 65 of ouder
profile-region-eu = Europa
profile-region-na = Noord-Amerika
profile-region-la = Latijns-Amerika
profile-region-af = Afrika
profile-region-me = Midden-Oosten
profile-region-as = Azië
profile-region-oc = Oceanië
profile-lang-en = Engels
profile-lang-fr = Frans
profile-lang-es = Spaans
profile-lang-de = Duits
profile-lang-ar = Arabisch
profile-lang-zh = Chinees
profile-lang-other = Andere
profile-familiarity-never = Nog nooit gebruikt
profile-familiarity-sometimes = Soms
profile-familiarity-weekly = Elke week
profile-familiarity-daily = Elke dag
profile-goal-factual = Juiste feiten
profile-goal-creative = Creativiteit
profile-goal-concise = Korte antwoorden
profile-goal-detailed = Uitgebreide antwoorden
profile-goal-safe = Veiligheid
profile-goal-personal = Persoonlijke toets
profile-saved = Opgeslagen. { profile-thanks }
profile-thanks = Bedankt!
profile-skipped = Geen probleem: we vragen het je niet meer. Met { $privacy } kun je je antwoorden altijd wissen.
profile-finished = Bedankt! Je antwoorden worden bij je gegevens bewaard; { $forget } wist ze.

command-mydata = Ontvang alles wat Pnyx over je bewaart
command-forget = Wis je gegevens uit Pnyx
