# Teksten die alleen de Discord-adapter zegt (over Discord zelf). De berichten van de kern (hulp, privacy, duels,
# stemmen) staan in de catalogi van de kern.

discord-missing-permissions = Ik kan in dit kanaal geen duel starten: ik heb hier de machtiging { $permissions } nodig. Een serverbeheerder kan die geven in de kanaalinstellingen → Machtigingen → { $bot }.
discord-thread-permissions = Ik kon voor dit duel geen thread openen (ik heb hier { $permissions } nodig), dus het gaat verder in het kanaal. Een serverbeheerder kan die geven in de kanaalinstellingen → Machtigingen → { $bot }, of “in het kanaal” kiezen in /settings.
discord-error = Sorry, er ging bij mij iets mis. Probeer het zo opnieuw.
discord-hint-text-only = Ik kan voorlopig alleen tekst lezen. Schrijf je vraag als bericht en twee anonieme modellen beantwoorden hem.
discord-unknown-command = Dat commando ken ik niet meer. Probeer /help, of /arena gevolgd door je vraag.
discord-form-retry = Het openen van het formulier duurde te lang. Druk nog een keer op de knop.

# Namen van de machtigingen zoals de instellingen van Discord ze tonen.
discord-permission-ViewChannel = Kanaal bekijken
discord-permission-SendMessages = Berichten versturen
discord-permission-CreatePublicThreads = Openbare threads maken
discord-permission-SendMessagesInThreads = Berichten versturen in threads
discord-permission-ReadMessageHistory = Berichtgeschiedenis lezen
discord-permission-AttachFiles = Bestanden bijvoegen
discord-file-caption = 📎 Je gegevens, als JSON (alleen jij ziet dit bericht).
