import {UsageError} from '../errors.js';

/** The locales the built-in library ships; `en` is the plain `NAME.md`. */
export const builtInLocales = ['en', 'da', 'sv', 'nb', 'de'] as const;

/** The locale of a template file without a locale suffix (`NAME.md`). */
export const baseLocale = 'en';

// Norwegian: "no" (macrolanguage) and "nn" (nynorsk) are answered in bokmål, the one Norwegian csr ships.
const aliases: Readonly<Record<string, string>> = {no: 'nb', nn: 'nb'};

const localePattern = /^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$/;

/**
 * A BCP 47-ish tag (`sv-SE`, `de_AT`, `NO`) → the language csr picks templates by (`sv`, `de`, `nb`); null when the
 * value is empty or not a locale.
 */
export function normalizeLocale(raw: string | null | undefined): string | null {
	const match = localePattern.exec((raw ?? '').trim());
	if (match === null) return null;
	const language = match[1]!.toLowerCase();
	return aliases[language] ?? language;
}

/** `--locale` as the agent typed it: a locale, or a UsageError naming the accepted form. */
export function parseLocaleFlag(raw: string): string {
	const locale = normalizeLocale(raw);
	if (locale === null) {
		throw new UsageError(`invalid --locale "${raw}": expected a language code such as en, da, sv-SE or de-AT`);
	}
	return locale;
}

/** The template locale: --locale, else the requester's locale, else the profile's default, else English (PRODUCT.md §4). */
export function chooseLocale(sources: {
	flag?: string | null | undefined;
	requesterLocale?: string | null | undefined;
	profileDefault?: string | null | undefined;
}): string {
	if (sources.flag !== undefined && sources.flag !== null && sources.flag.trim() !== '')
		return parseLocaleFlag(sources.flag);
	return normalizeLocale(sources.requesterLocale) ?? normalizeLocale(sources.profileDefault) ?? baseLocale;
}
