import { eld } from 'eld/small';
import { describe, expect, it } from 'vitest';
import { detectLanguage, isAcceptedLanguage, loadDetectorFromJson, proseOf } from './language';

const PROMPTS: Record<string, string[]> = {
  fr: ["Tu peux m'expliquer pourquoi le ciel est bleu ?", 'Écris un petit poème sur la pluie à Paris', "Quelle est la meilleure façon d'apprendre le piano quand on est adulte ?"],
  en: ['Can you explain how vaccines train the immune system?', "What's the difference between a list and a tuple in Python?"],
  es: ['¿Cuál es la capital de Australia y por qué no es Sídney?', 'Escribe una receta fácil de tortilla de patatas'],
  de: ['Kannst du mir erklären, wie eine Wärmepumpe funktioniert?', 'Was ist der Unterschied zwischen Wetter und Klima?'],
  it: ['Come si prepara una vera carbonara romana?', 'Spiegami la teoria della relatività in parole semplici'],
  pt: ['Qual é a melhor maneira de aprender uma língua nova sozinho?', 'Podes explicar como funciona a fotossíntese?'],
  nl: ['Kun je uitleggen hoe een zonnepaneel stroom maakt?'],
  pl: ['Jak mogę nauczyć się programowania w miesiąc?'],
  ru: ['Объясни, пожалуйста, как работает блокчейн простыми словами'],
  uk: ['Поясни, будь ласка, чому небо блакитне'],
  tr: ['Fotosentez nasıl çalışır, basitçe anlatır mısın?'],
  ja: ['空が青いのはなぜですか？簡単に説明してください。'],
  zh: ['请用简单的话解释一下为什么天空是蓝色的，还有为什么日落的时候是红色的？'],
  ar: ['هل يمكنك أن تشرح لي لماذا السماء زرقاء؟'],
  hi: ['क्या आप मुझे समझा सकते हैं कि आसमान नीला क्यों होता है?'],
  sv: ['Kan du förklara varför himlen är blå på ett enkelt sätt?'],
};

describe('prompt language', () => {
  it('names the language of ordinary chat prompts', async () => {
    for (const [language, prompts] of Object.entries(PROMPTS)) {
      for (const prompt of prompts) expect([prompt, await detectLanguage(prompt)]).toEqual([prompt, language]);
    }
  });

  it('leaves short and code-only prompts undetermined', async () => {
    expect(await detectLanguage('Salut !')).toBeNull();
    expect(await detectLanguage('ok merci')).toBeNull();
    expect(await detectLanguage('```ts\nconst answer = computeTheAnswerToEverything(42);\n```')).toBeNull();
    // Pasted code without fences is code too: its keywords are English whatever the person speaks.
    expect(await detectLanguage('def fibonacci(n):\n    if n < 2:\n        return n\n    return fibonacci(n - 1) + fibonacci(n - 2)')).toBeNull();
    expect(await detectLanguage('const result = items.filter((item) => item.price > 10).map((item) => item.name);')).toBeNull();
    expect(await detectLanguage('SELECT name, count(*) FROM users WHERE created_at > now() GROUP BY name;')).toBeNull();
    expect(await detectLanguage('{"name": "Ada", "languages": ["fr", "en"], "active": true, "role": "admin"}')).toBeNull();
  });

  it('reads the prose around pasted code, not the code', async () => {
    const prompt = 'Pourquoi ce code plante-t-il quand la liste est vide ?\ndef first(items):\n    return items[0]';
    expect(proseOf(prompt)).toBe('Pourquoi ce code plante-t-il quand la liste est vide ?');
    expect(await detectLanguage(prompt)).toBe('fr');
    expect(await detectLanguage('Schreibe eine Funktion in Python, die prüft, ob eine Zahl eine Primzahl ist.')).toBe('de');
  });

  it('accepts a language where the chat or campaign collects it, and whatever cannot be told', () => {
    expect(isAcceptedLanguage(['fr', 'ar'], 'fr')).toBe(true);
    expect(isAcceptedLanguage(['fr', 'ar'], 'en')).toBe(false);
    expect(isAcceptedLanguage(['pt-BR'], 'pt')).toBe(true);
    expect(isAcceptedLanguage(['FR'], 'fr-CA')).toBe(true);
    expect(isAcceptedLanguage(['fr'], null)).toBe(true);
    expect(isAcceptedLanguage([], 'en')).toBe(true);
    expect(isAcceptedLanguage(null, 'en')).toBe(true);
  });

  it('answers exactly as eld/small does, from the JSON copy of its database', async () => {
    const fromJson = await loadDetectorFromJson();
    const texts = [...Object.values(PROMPTS).flat(), 'Salut ! ok merci', 'Dit is een korte zin in het Nederlands, denk ik', 'Hvorfor er himlen blå om dagen?'];
    for (const text of texts) expect([text, fromJson.detect(text).language]).toEqual([text, eld.detect(text).language]);
  });
});
