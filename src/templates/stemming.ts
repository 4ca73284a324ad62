/**
 * Words for matching: Snowball stemmers (via @orama/stemmers, one small module per language, loaded only when a
 * language is first needed) and short stop-word lists for the five languages csr ships.
 */

export type Stemmer = (word: string) => string;

type StemmerModule = {stemmer: Stemmer};

const loaders: Readonly<Record<string, () => Promise<StemmerModule>>> = {
	en: () => import('@orama/stemmers/english'),
	da: () => import('@orama/stemmers/danish'),
	sv: () => import('@orama/stemmers/swedish'),
	nb: () => import('@orama/stemmers/norwegian'),
	de: () => import('@orama/stemmers/german'),
};

const loaded = new Map<string, Promise<Stemmer>>();

/** The language's Snowball stemmer; a language without one keeps words as they are (lower-cased). */
export function loadStemmer(locale: string): Promise<Stemmer> {
	let stemmer = loaded.get(locale);
	if (stemmer === undefined) {
		const load = loaders[locale];
		stemmer = load === undefined ? Promise.resolve((word: string) => word) : load().then((module) => module.stemmer);
		loaded.set(locale, stemmer);
	}
	return stemmer;
}

/** Languages that have a stemmer. */
export const stemmedLocales: readonly string[] = Object.keys(loaders);

// Function words and greetings that say nothing about what the customer needs.
const stopWordText: Readonly<Record<string, string>> = {
	en: `a about after again all also am an and any are as at be been before being but by can could did do does doing
		for from get got had has have having he her here hi hello hey him his how i i'm if in into is it its it's just me
		my myself no nor not now of off on once only or other our out over please regards same she should so some such
		than thank thanks that the their them then there these they this those through to too very was we were what
		when where which while who why will with would yes yet you your yours dear best kind`,
	da: `af alle allerede alt altså and at bare blev blive bliver da de dem den denne dens der deres det dette dig din
		disse dit du efter eller en end er et for fik fordi fra få får god gerne godt ham han hans har havde have hej
		hende hendes her hilsen hos hun hvad hvis hvor i ikke ind jeg jer jo kan kunne lige man mange med meget men mig
		min mine mit mod må måske ned nej noget nogle nu når og også om op os over på sig sin sine sit skal skulle som
		så tak til ud under var vi vil ville være været venlig venlige`,
	sv: `alla allt att av bara blev bli blir de dem den denna deras dess det detta dig din dina ditt du efter eller en
		er ett får för från ha hade han hans har hej hela henne hennes hon hur här i icke in inte jag ju kan kunde man
		med mellan men mig min mina mitt mot mycket måste ni nu när och också om oss på sa sedan sig sin sina sitt ska
		skulle som så tack till under upp ut vad var vara vart vi vill ville vänliga hälsningar åt än är över`,
	nb: `alle at av bare be ble bli blir da de dem den denne der deres det dette deg din dine disse ditt du eller en
		enn er et etter for fordi fra få får ha hadde han hans har hei henne hennes her hun hva hvis hvor i ikke inn
		jeg kan kunne man med meg men min mine mitt mot mye må nei noe noen nå når og også om opp oss over på seg sin
		sine sitt skal skulle som så takk til ut var vi vil ville være vært vennlig hilsen`,
	de: `aber alle allem als also am an auch auf aus bei bin bis bitte bist da damit dann das dass dem den der des
		dich die dies diese dieser dir doch du durch ein eine einem einen einer es für gibt guten grüße habe haben hallo
		hat hatte ich ihr ihre im in ist ja jetzt kann können man mein meine mich mir mit muss nach nicht noch nun nur
		ob oder sehr sich sie sind so und uns unser vielen viele vom von vor war was weil wenn wie wieder wir wird wo
		zu zum zur danke dank liebe lieber freundlichen möchte möchten würde würden hätte gern gerne schon mal etwas dafür`,
};

const stopWords = new Map<string, ReadonlySet<string>>(
	Object.entries(stopWordText).map(([locale, text]) => [locale, new Set(text.split(/\s+/).filter(Boolean))]),
);

/** Words of a text, lower-cased, without numbers (order numbers say nothing about the topic) or stop words. */
export function toWords(text: string, locale: string): string[] {
	const stop = stopWords.get(locale) ?? new Set<string>();
	const words =
		text
			.normalize('NFC')
			.toLowerCase()
			.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
	return words.filter((word) => word.length > 1 && !/^\p{N}+$/u.test(word) && !stop.has(word.replace('’', "'")));
}
