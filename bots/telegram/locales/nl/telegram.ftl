# Teksten die alleen de Telegram-adapter zegt. De berichten van de kern (hulp, privacy, duels, stemmen) staan in
# de catalogi van de kern.

telegram-hint-text-only = Ik kan voorlopig alleen tekst lezen. Schrijf je vraag als bericht en twee anonieme modellen beantwoorden hem.
telegram-hint-unknown-command = { $command } ken ik niet. Probeer /help, of schrijf /arena gevolgd door je vraag.
telegram-hint-empty-mention = Schrijf je vraag na mijn naam, bijvoorbeeld: { $example }
telegram-reasons-prompt = { $name }, wat maakte het verschil? (optioneel)
telegram-error = Sorry, er ging bij mij iets mis. Probeer het zo opnieuw.
telegram-button-stale = Deze knop werkt niet meer. Begin een nieuw duel met /arena.
