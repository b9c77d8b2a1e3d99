# Teksten die alleen de Slack-app zegt. De berichten van de kern (hulp, privacy, duels, stemmen) staan in de catalogi van de kern.

slack-invite = Ik zit niet in dit kanaal, dus ik kan het duel hier niet plaatsen. Nodig me uit met `/invite @{ $bot }` en probeer het opnieuw.
slack-cannot-post = Ik kan niet posten in dit gesprek. Gebruik `/arena` in een kanaal waar ik in zit, of schrijf me in mijn tabblad Berichten.
slack-hint-empty-mention = Schrijf je vraag na mijn naam, bijvoorbeeld: { $example }
slack-hint-unknown-command = { $command } ken ik niet. Probeer `/arena help`, of `/arena` gevolgd door je vraag.
slack-error = Sorry, er ging bij mij iets mis. Probeer het zo opnieuw.
