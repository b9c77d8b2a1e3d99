// Chats (or the campaigns they take part in) that collect prompts in some languages only: a prompt detected in
// another language gets a polite hint in the person's language, naming the accepted ones, instead of a battle.
// Campaigns call isAcceptedLanguage (core/engine/language.ts) with their own list; a chat's list is its `languages`
// setting, which a campaign sets for the chats that join it.
import type { Translate } from '../i18n';

/** A language's name in the reader's language ("French", "الفرنسية"), the code itself if Intl does not know it. */
function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The hint: which languages the chat collects prompts in, and the one this prompt seems to be in. */
export function languageHint(t: Translate, locale: string, accepted: readonly string[], language: string): string {
  const names = accepted.map((code) => languageName(code, locale));
  let list: string;
  try {
    list = new Intl.ListFormat([locale], { type: 'disjunction' }).format(names);
  } catch {
    list = names.join(', ');
  }
  return t('language-not-accepted', { languages: list, language: languageName(language, locale) });
}
