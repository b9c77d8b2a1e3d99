# Messages propres à l'adaptateur Discord (sur Discord lui-même). Les messages du cœur (aide, confidentialité,
# batailles, votes) sont dans les catalogues du cœur.

discord-missing-permissions = Je ne peux pas lancer de bataille dans ce salon : il me faut la permission { $permissions } ici. Un admin du serveur peut l'accorder dans les paramètres du salon → Permissions → { $bot }.
discord-thread-permissions = Je n'ai pas pu ouvrir de fil pour cette bataille (il me faut { $permissions } ici), elle continue donc dans le salon. Un admin du serveur peut l'accorder dans les paramètres du salon → Permissions → { $bot }, ou choisir « dans le salon » dans /settings.
discord-error = Désolé, quelque chose s'est mal passé de mon côté. Réessayez dans un instant.
discord-hint-text-only = Je ne lis que du texte pour l'instant. Écrivez votre question en message et deux modèles anonymes y répondront.
discord-unknown-command = Je ne connais plus cette commande. Essayez /help, ou /arena suivi de votre question.
discord-form-retry = J'ai mis trop de temps à ouvrir le formulaire. Appuyez de nouveau sur le bouton, s'il vous plaît.

# Noms des permissions tels que les paramètres de Discord les affichent.
discord-permission-ViewChannel = Voir les salons
discord-permission-SendMessages = Envoyer des messages
discord-permission-CreatePublicThreads = Créer des fils publics
discord-permission-SendMessagesInThreads = Envoyer des messages dans les fils
discord-permission-ReadMessageHistory = Voir les anciens messages
discord-permission-AttachFiles = Joindre des fichiers
discord-file-caption = 📎 Vos données, en JSON (vous seul voyez ce message).
