// A seeded French/English test corpus for PII screening. Every personal line carries canaries: the exact values that
// must never reach an export (the whole value, and no 4-character fragment of its digits either). Clean lines are full
// of things that look like personal data and are not (ISBNs, flight numbers, dates, prices, versions, code, public
// figures and places): screening must leave them exactly as they are.
// All values are invented; the IBAN, NIR and card numbers carry valid checksums so that the validators must find them.

export interface PiiLine {
  text: string;
  /** validator: must be redacted; context: must mark its conversation suspect. */
  layer: 'validator' | 'context';
  canaries: string[];
}

export const PII_LINES: PiiLine[] = [
  { layer: 'validator', text: 'Tu peux m’écrire à camille.durand@exemple.fr pour la suite.', canaries: ['camille.durand@exemple.fr'] },
  { layer: 'validator', text: 'Write to j.smith+arena@mailbox.example.org if the answer is wrong.', canaries: ['j.smith+arena@mailbox.example.org'] },
  { layer: 'validator', text: 'Mon numéro : 06 12 34 56 78, rappelle-moi ce soir.', canaries: ['06 12 34 56 78', '0612345678'] },
  { layer: 'validator', text: 'Appelle le 01.42.68.53.00 avant midi.', canaries: ['01.42.68.53.00', '0142685300'] },
  { layer: 'validator', text: 'Call me back on +44 20 7946 0958 tomorrow.', canaries: ['+44 20 7946 0958', '2079460958'] },
  { layer: 'validator', text: 'My cell is (415) 555-2671, text first.', canaries: ['(415) 555-2671', '5552671'] },
  { layer: 'validator', text: 'Vire sur FR76 3000 6000 0112 3456 7890 189 avant vendredi.', canaries: ['FR76 3000 6000 0112 3456 7890 189', 'FR7630006000011234567890189', '3456 7890'] },
  { layer: 'validator', text: 'Mon IBAN est DE89370400440532013000, merci.', canaries: ['DE89370400440532013000', '0532013000'] },
  { layer: 'validator', text: 'Numéro de sécu : 1 85 05 78 006 084 91, c’est urgent.', canaries: ['1 85 05 78 006 084 91', '185057800608491', '006 084'] },
  { layer: 'validator', text: 'Sa carte vitale porte le 2 69 05 2A 004 012 28.', canaries: ['2 69 05 2A 004 012 28', '269052A00401228'] },
  { layer: 'validator', text: 'Card 4539 1488 0343 6467 exp 12/27, is it safe?', canaries: ['4539 1488 0343 6467', '4539148803436467', '0343 6467'] },
  { layer: 'validator', text: 'Ma CB 5555-5555-5555-4444 a été refusée.', canaries: ['5555-5555-5555-4444', '5555555555554444'] },
  { layer: 'validator', text: 'Le serveur de ma box répond sur 192.168.1.42 et 82.64.113.7.', canaries: ['192.168.1.42', '82.64.113.7'] },
  { layer: 'validator', text: 'My VPS is at 2001:db8:85a3::8a2e:370:7334 if you want to try.', canaries: ['2001:db8:85a3::8a2e:370:7334'] },
  { layer: 'context', text: 'Bonjour, je m’appelle Léonie Garnier et je cherche un stage.', canaries: ['Léonie', 'Garnier'] },
  { layer: 'context', text: 'Hi, my name is Dwight Okafor, help me with my resume.', canaries: ['Dwight', 'Okafor'] },
  { layer: 'context', text: 'Écris une lettre à Mme Berthelot pour excuser mon retard.', canaries: ['Berthelot'] },
  { layer: 'context', text: 'Mon fils Mathéo a de la fièvre depuis hier, que faire ?', canaries: ['Mathéo'] },
  { layer: 'context', text: 'My daughter Priyanka wants to learn the violin.', canaries: ['Priyanka'] },
  { layer: 'context', text: 'J’habite au 14 bis rue des Lilas à Villeurbanne, est-ce loin du centre ?', canaries: ['14 bis rue des Lilas'] },
  { layer: 'context', text: 'Send it to 742 Evergreen Terrace, Springfield.', canaries: ['742 Evergreen Terrace'] },
  { layer: 'context', text: 'I live in Leeds, LS6 2QT, near the park.', canaries: ['LS6 2QT'] },
  { layer: 'context', text: 'Je suis née le 3 mars 1987 à Brest.', canaries: ['3 mars 1987'] },
  { layer: 'context', text: 'Date of birth: 04/11/1979, can you compute my age?', canaries: ['04/11/1979'] },
];

export const CLEAN_LINES: string[] = [
  'Quel est le meilleur roman de Victor Hugo, Les Misérables ou Notre-Dame de Paris ?',
  'Explique la relativité restreinte comme Einstein l’aurait fait en 1905.',
  'Le vol AF1234 part de Lyon à 14h35, terminal 2E.',
  'ISBN 978-2-07-036822-8 : c’est quelle édition de L’Étranger ?',
  'Combien font 1 234 567 × 89 ? Donne le résultat exact.',
  'Le prix est passé de 19,99 € à 24,50 € entre 2023 et 2024.',
  'Résume la bataille de Marignan (1515) en trois phrases.',
  'Installe la version 3.11.4 de Python puis lance pip install numpy==1.26.4.',
  'Écris une fonction JavaScript qui trie un tableau: const f = (a) => [...a].sort((x, y) => x - y);',
  'What did Marie Curie discover in 1898?',
  'The meeting is on 12/03/2025 at 10:30 in room 204.',
  'Compare the Paris–London Eurostar (2h16) with flying from CDG to LHR.',
  'My order #A-20931 arrived late; write a polite complaint.',
  'Translate "the quick brown fox" into French and German.',
  'Is 2147483647 a prime number?',
  'Quelle est la population de Marseille en 2021 ?',
  'Donne-moi une recette de ratatouille pour 4 personnes, 45 minutes max.',
  'Le code postal de la tour Eiffel ? Non, juste son histoire depuis 1889.',
  'Explain how TCP port 443 differs from port 80.',
  'Liste les 10 plus grands fleuves d’Europe par longueur en km.',
  'std::vector<int> v{1, 2, 3}; why does v.at(3) throw?',
  'Écris un haïku sur l’automne à Kyoto.',
  'Who won the 2018 FIFA World Cup final, and what was the score (4–2)?',
  'Calcule 15 % de 86 000 € et arrondis à l’euro.',
  'Le TGV 6203 est-il plus rapide que le 6611 ?',
  'What is the boiling point of water at 3,000 m altitude?',
  'Propose un plan de révision sur 6 semaines pour le bac de philosophie.',
  'Convert 0x1F4 and 0b1010 to decimal.',
  'Quelle différence entre la rue de Rivoli et les Champs-Élysées pour se promener ?',
  'Write a limerick about a cat named after a planet.',
];
