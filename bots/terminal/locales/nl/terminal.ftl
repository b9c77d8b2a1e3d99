# Teksten die alleen het duel in de terminal (npm run battle) zegt. De berichten van het duel zelf (antwoorden,
# stemming, onthulling) staan in de catalogus van de kern.

terminal-usage =
    Gebruik: npm run battle -- [opties] "je prompt"

    Houdt in deze terminal een blind duel tussen twee van de ingestelde modellen, vraagt om je stem en onthult
    daarna de modellen met hun reactietijd en aantal tokens. Gebruik het om een modelconfiguratie te controleren
    voordat je een bot installeert. Het duel en de stem worden opgeslagen zoals alle andere (DATABASE_URL,
    standaard file:./data/pnyx.db).

    Opties:
      --lang CODE       taal van de berichten: en, fr, de, es, it, pt, nl of ar (standaard: die van het systeem,
                        anders die van de configuratie)
      --models a,b      laat alleen deze model-id's meedoen (minstens twee, gescheiden door komma's)
      -h, --help        toon deze hulp

    Configuratie: pnyx.config.yaml, of het bestand dat PNYX_CONFIG noemt.
    Stemmen: typ a (A is beter), b (B is beter), t (gelijkspel) of x (allebei slecht). Als de invoer geen terminal
    is, is de eerste niet-lege regel van de invoer de stem, bijvoorbeeld:
    echo a | npm run battle -- "Hallo"

    Afsluitcodes: 0 duel voltooid en gestemd · 1 het duel is mislukt (de modellen antwoordden niet) · 2 fout in
    gebruik of configuratie · 3 er is niet gestemd.
terminal-usage-hint = Voer npm run battle -- --help uit voor het gebruik.
terminal-error-arguments = De opdrachtregel kan niet gelezen worden: { $detail }
terminal-error-no-prompt = Geef een prompt om naar beide modellen te sturen, bijvoorbeeld: npm run battle -- "Wat is een zwart gat?"
terminal-error-lang = --lang moet een van en, fr, de, es, it, pt, nl, ar zijn (gekregen: “{ $value }”).
terminal-error-models-count = --models heeft minstens twee verschillende model-id's nodig, gescheiden door komma's (gekregen: “{ $value }”).
terminal-error-models-unknown = Onbekende of uitgeschakelde model-id: { $ids }. Actieve modellen in de configuratie: { $known }.
terminal-config-error = De configuratie is ongeldig ({ $source }):
terminal-startup-error = Pnyx kon niet starten: { $detail }

terminal-streaming = Modellen A en B antwoorden… A: { $a } tekens · B: { $b } tekens
terminal-vote-option = [{ $key }] { $label }
terminal-vote-prompt = Je stem (a / b / t / x):{ " " }
terminal-vote-invalid = “{ $input }” is geen stem. Typ a (A is beter), b (B is beter), t (gelijkspel) of x (allebei slecht) en druk op Enter.
terminal-vote-missing = Er is niet gestemd: de invoer eindigde vóór een regel met a, b, t of x. Het duel blijft zonder stem.
terminal-interrupted = Onderbroken: het duel is gestopt en telt niet mee.
terminal-no-conclusion = Het duel is niet afgerond: de engine heeft de stemming nooit geopend. Zie de logregels hierboven.

terminal-problems = Wat er misging met de modellen:
terminal-warnings = Problemen met modellen tijdens dit duel:
terminal-side-failed = • Model { $side } was { $model } (aanbieder “{ $provider }”): { $error }
terminal-unhealthy = • { $model } (aanbieder “{ $provider }”) zakte voor de gezondheidscontrole en is weggelaten: { $error }
terminal-unhealthy-probe-ok = • { $model } (aanbieder “{ $provider }”) zakte voor de gezondheidscontrole (de server gaf de modellenlijst niet op tijd) en is weggelaten, hoewel een testverzoek wel werkte.
terminal-probe-timeout = geen antwoord op een testverzoek binnen { $seconds } s
terminal-replaced = • { $model } faalde voordat het iets schreef en is vervangen door een ander model: { $error }
terminal-too-few-models = Een duel heeft twee werkende modellen nodig; { $count ->
    [0] er werkt er geen.
    [one] er werkt er maar één.
   *[other] er werken er maar { $count }.
}
