import {groupThousands, type LanguagePack, localPrice} from './corpus.js';

/** Norwegian (Bokmål) customers; their locale is `nb`, `nb-NO` or the older `no`. */
export const norwegian: LanguagePack = {
	lang: 'nb',
	locales: ['nb', 'nb-NO', 'no'],
	firstNames: [
		'Ole',
		'Kari',
		'Ingrid',
		'Marius',
		'Silje',
		'Henrik',
		'Ida',
		'Jonas',
		'Nora',
		'Eirik',
		'Hanne',
		'Magnus',
		'Tone',
		'Sindre',
		'Ragnhild',
		'Øystein',
		'Marte',
		'Håkon',
		'Thea',
		'Knut',
	],
	lastNames: [
		'Hansen',
		'Johansen',
		'Olsen',
		'Larsen',
		'Andersen',
		'Berg',
		'Haugen',
		'Bakken',
		'Solberg',
		'Dahl',
		'Lie',
		'Strand',
		'Moen',
		'Halvorsen',
		'Aasen',
		'Fjeld',
	],
	emailDomains: ['gmail.com', 'online.no', 'hotmail.no', 'outlook.com', 'live.no', 'icloud.com'],
	cities: [
		'Oslo',
		'Bergen',
		'Trondheim',
		'Stavanger',
		'Drammen',
		'Kristiansand',
		'Tromsø',
		'Fredrikstad',
		'Sandnes',
		'Bodø',
		'Ålesund',
		'Lillehammer',
	],
	carriers: ['Posten', 'Bring', 'Helthjem', 'PostNord'],
	companies: [
		'Fjellheim Regnskap AS',
		'Bakeriet på Torget AS',
		'Solberg Eiendom AS',
		'Tannlegene i Sentrum AS',
		'Havnekontoret Bergen AS',
	],
	phone: {prefix: '+47', pattern: '### ## ###'},
	shopHost: 'nordlyshome.no',
	formatMoney: (eur) => `${groupThousands(localPrice(eur, 11.7), ' ')} kr`,
	voucher: '150 kr',
	months: [
		'januar',
		'februar',
		'mars',
		'april',
		'mai',
		'juni',
		'juli',
		'august',
		'september',
		'oktober',
		'november',
		'desember',
	],
	formatDate: (day, month) => `${day}. ${month}`,
	item: {
		espresso: (m) => `en ${m} espressomaskin`,
		kettle: (m) => `en ${m} vannkoker`,
		headphones: (m) => `et par ${m}-hodetelefoner`,
		router: (m) => `et ${m} mesh-system`,
		airfryer: (m) => `en ${m} airfryer`,
		blender: (m) => `en ${m} blender`,
		vacuum: (m) => `en ${m} robotstøvsuger`,
		knives: (m) => `et ${m} knivsett`,
		pan: (m) => `en ${m} støpejernspanne`,
		soundbar: (m) => `en ${m} lydplanke`,
		mixer: (m) => `en ${m} kjøkkenmaskin`,
		toaster: (m) => `en ${m} brødrister`,
	},
	customerGreetings: ['Hei!', 'Hei,', 'Hei Nordlys Home,', 'Heisann,', 'Hallo,', ''],
	customerSignoffs: [
		(v) => `Mvh\n${v.first}`,
		(v) => `Med vennlig hilsen\n${v.first} ${v.last}`,
		(v) => `Vennlig hilsen\n${v.first}`,
		(v) => `Hilsen ${v.first}`,
		(v) => `Takk på forhånd!\n${v.first}`,
	],
	agentGreetings: [(v) => `Hei ${v.first}!`, (v) => `Hei ${v.first},`],
	agentClosings: [
		(v) => `Med vennlig hilsen\n${v.agent}\nNordlys Home Kundeservice`,
		(v) => `Vennlig hilsen\n${v.agent}\nNordlys Home`,
		(v) => `Ha en fin dag!\n\n${v.agent}\nNordlys Home Kundeservice`,
	],
	agentClosingShort: (v) => `Mvh ${v.agent}`,
	chasers: [
		(v) => `Jeg har fortsatt ikke hørt noe angående ordre ${v.order}. Kan noen ta kontakt?`,
		() => 'Hei igjen, er det noe nytt? Det har gått noen dager nå.',
		() => 'Har dere sett e-posten min? Venter fortsatt på svar.',
		() => 'Nå har jeg sendt e-post to ganger uten å få svar. Leser dere e-postene deres i det hele tatt?',
	],
	thanks: [
		() => 'Supert, tusen takk for hjelpen!',
		(v) => `Perfekt, det var akkurat det jeg trengte. Takk, ${v.agent}!`,
		() => 'Nå har den kommet. Takk for rask hjelp!',
		() => 'Takk – det setter jeg stor pris på.',
	],
	reopens: [
		() => 'Beklager at jeg skriver igjen, men problemet er dessverre tilbake siden i går.',
		() => 'Hei igjen. Det løste seg dessverre ikke likevel – samme feil som før.',
		() => 'Det har fortsatt ikke skjedd noe hos meg. Kan dere sjekke igjen?',
	],
	autoReply:
		'Takk for at du kontakter Nordlys Home! Dette er en automatisk bekreftelse på at vi har mottatt meldingen din.\n\nVi svarer vanligvis innen én virkedag. Vennligst ikke send henvendelsen på nytt, da det kan forsinke svaret vårt.\n\nNordlys Home Kundeservice',
	csatGood: [
		'Raskt og hyggelig svar. Takk!',
		'Løst på første svar – topp service.',
		'Veldig hjelpsom og forklarte alt godt.',
		'Enkelt og greit, pengene var tilbake dagen etter.',
		'Veldig god opplevelse, handler gjerne igjen.',
	],
	csatBad: [
		'Det tok altfor lang tid å få svar.',
		'Måtte forklare det samme tre ganger.',
		'Har fortsatt ikke fått pengene tilbake.',
		'Svaret hjalp ikke i det hele tatt.',
		'Standardsvar – ingen hadde lest e-posten min skikkelig.',
	],
	orderTable: {
		title: 'Ordren din:',
		item: 'Vare',
		qty: 'Antall',
		price: 'Pris',
		shipping: 'Frakt',
		total: 'Totalt',
		free: 'Gratis',
	},
	attachmentNames: {
		receipt: (order) => `kvittering-${order}.pdf`,
		invoice: (order) => `faktura-${order}.pdf`,
		returnLabel: (rma) => `returetikett-${rma}.pdf`,
		quote: (order) => `tilbud-T${order}.pdf`,
	},
	scenarios: {
		'order-status': {
			subjects: [
				(v) => `Hvor er ordren min (${v.order})?`,
				(v) => `Ordre ${v.order} – ingen sendingsbekreftelse`,
				() => 'Status på bestilling?',
			],
			openings: [
				(v) =>
					`Jeg bestilte ${v.item} ${v.orderDate} (ordre ${v.order}), men har fortsatt ikke fått noen e-post om at den er sendt. På nettsiden står det bare "under behandling". Kan dere si når den blir sendt?`,
				(v) =>
					`Kan dere sjekke hvor bestillingen min er? Ordrenummer ${v.order}, bestilt ${v.orderDate}. Jeg trenger den før helgen, siden det er en gave.`,
			],
			followUps: [
				() => 'Takk. Men sporingslenken sier bare "etikett opprettet" – det har ikke skjedd noe på to dager.',
				() => 'Ok, men det sto 2–4 virkedager da jeg bestilte. Kan dere ikke sende den ekspress?',
			],
			replies: [
				(v) =>
					`Takk for tålmodigheten. Ordren din ${v.order} ble pakket i går og levert til ${v.carrier} i morges. Du kan følge pakken her: [spor pakken din](https://track.demo.csr/${v.tracking})\n\nSporingen blir som regel oppdatert innen 24 timer.`,
				(v) =>
					`Jeg har sett på ordre ${v.order}: Varen var midlertidig utsolgt på lageret vårt, og derfor er den ikke sendt ennå. Vi får nye varer i morgen, og ordren din står først i køen – du får en e-post så snart den er sendt.`,
			],
			resolutions: [
				(v) =>
					`Gode nyheter – ${v.carrier} bekrefter at pakken er på ditt lokale hentested og blir levert i morgen. Sporingsnummer: ${v.tracking}.\n\nBeklager ventetiden, og håper du blir fornøyd med varen!`,
				(v) =>
					`Ordren din er nå sendt med ${v.carrier} (sporingsnummer ${v.tracking}) og bør være hos deg innen 1–2 virkedager. Siden det tok lengre tid enn lovet, har jeg refundert fraktkostnaden.`,
			],
		},
		'delivery-delay': {
			subjects: [
				(v) => `Pakken står fast – ordre ${v.order}`,
				() => 'Pakken har ikke kommet',
				(v) => `Venter fortsatt på levering (${v.order})`,
			],
			openings: [
				(v) =>
					`Ordren min ${v.order} skulle vært levert ${v.deliveryDate}, men den har fortsatt ikke kommet. Sporingen hos ${v.carrier} (${v.tracking}) har ikke endret seg på fire dager. Hva skjer?`,
				(v) =>
					`Ifølge sporingen ble pakken min levert i går, men her er det ingenting – verken på døra eller hos naboene. Ordre ${v.order}. Hjelp!`,
			],
			followUps: [
				() =>
					'Jeg har spurt naboene og vaktmesteren igjen – ingenting. Jeg vil enten ha en ny pakke sendt eller pengene tilbake.',
				() => 'Fortsatt ingenting i dag. Det skulle vært en bursdagsgave, så jeg er ganske skuffet.',
			],
			replies: [
				(v) =>
					`Beklager at pakken din er forsinket. Jeg har startet en etterlysning hos ${v.carrier} på sporingsnummer ${v.tracking}. De svarer vanligvis innen 2–3 virkedager, og jeg gir deg beskjed så snart jeg hører noe.\n\nKan du i mellomtiden bekrefte leveringsadressen din, så jeg kan utelukke en skrivefeil?`,
				(v) =>
					`Takk for at du sier fra. Sjåførens GPS-skanning viser at pakken ble satt fra seg i nærheten av ${v.city}, og det stemmer ikke med adressen din. Jeg har opprettet en reklamasjon hos ${v.carrier} og bedt dem finne ut hvor pakken ble levert.`,
			],
			resolutions: [
				(v) =>
					`${v.carrier} har bekreftet at pakken har kommet bort, så jeg har sendt en ny i dag med ekspress – nytt sporingsnummer ${v.tracking}. Hvis den første pakken likevel dukker opp, kan du bare nekte å ta imot den eller gi oss beskjed.`,
				(v) =>
					`Pakken har dukket opp på terminalen til ${v.carrier} – den var feilsortert. Den er nå på vei og blir levert i morgen. Jeg har lagt inn et gavekort på ${v.voucher} på kontoen din som plaster på såret.`,
			],
		},
		damaged: {
			subjects: [
				() => 'Varen kom i stykker',
				(v) => `Skadet ved levering – ordre ${v.order}`,
				(v) => `${v.product} kom skadet`,
			],
			openings: [
				(v) =>
					`Min ${v.product} kom i dag, og esken var knust i det ene hjørnet. Da jeg pakket den ut, var glassdelen sprukket. Legger ved bilder. Ordre ${v.order}.`,
				(v) =>
					`Dessverre har jeg fått en skadet ${v.product} – det er en stor bulk på siden, og det rasler når man løfter den. Jeg har ikke brukt den. Bilder vedlagt. Hva gjør jeg nå?`,
			],
			followUps: [
				() => 'Takk – må jeg ta vare på esken til transportøren?',
				() => 'Jeg vil helst ha en ny i stedet for pengene tilbake, hvis det går.',
			],
			replies: [
				() =>
					'Så leit at den kom fram i den tilstanden, og takk for bildene – de viser skaden tydelig. Vil du helst ha en ny, eller skal vi refundere hele beløpet? Når du har svart, ordner jeg det med en gang, og du trenger ikke sende den skadede i retur.',
				(v) =>
					`Det beklager jeg! For å sende en ny trenger jeg ett bilde til: etiketten på ytteresken, slik at vi kan melde skaden til ${v.carrier}. Ta gjerne vare på emballasjen til saken er avsluttet.`,
			],
			resolutions: [
				(v) =>
					`Jeg har sendt en ny ${v.product} til deg i dag (ordre ${v.order}-R, sporingsnummer ${v.tracking}). Den skadede kan du levere til gjenvinning – du trenger ikke sende den tilbake.`,
				(v) =>
					`Jeg har refundert ${v.amount} til betalingskortet ditt. Beløpet vises vanligvis på kontoen innen 3–5 virkedager.`,
			],
		},
		return: {
			subjects: [(v) => `Retur – ordre ${v.order}`, () => 'Jeg vil returnere en vare', () => 'Hvordan returnerer jeg?'],
			openings: [
				(v) =>
					`Jeg vil gjerne returnere ${v.item} fra ordre ${v.order}. Emballasjen er ikke engang åpnet – vi har rett og slett ikke plass på kjøkkenet. Hvordan går jeg fram?`,
				(v) =>
					`Jeg vil sende tilbake ordre ${v.order}, siden jeg har angret på kjøpet. Kan dere sende meg en returetikett?`,
			],
			followUps: [
				() => 'Takk. Er returen gratis, eller trekker dere fra frakten?',
				(v) => `Jeg har levert pakken hos ${v.carrier} i dag.`,
			],
			replies: [
				(v) =>
					`Selvsagt – du har 30 dagers åpent kjøp. Slik gjør du det:\n\n1. Logg inn på [returportalen](https://nordlyshome.no/retur) med ordrenummeret ${v.order}\n2. Velg vare og årsak\n3. Skriv ut etiketten, og lever pakken på et ${v.carrier}-utleveringssted\n\nReturnummeret ditt er ${v.rma}. Vi refunderer senest 5 virkedager etter at vi har mottatt pakken.`,
			],
			resolutions: [
				(v) =>
					`Vi har mottatt returen din (${v.rma}), og refusjonen på ${v.amount} er sendt i dag. Det kan ta 3–5 virkedager før beløpet vises på kontoen din.`,
				(v) =>
					`Returetiketten ligger vedlagt. Pakk varen godt inn, gjerne i originalesken, og lever den hos ${v.carrier} innen 14 dager.`,
			],
		},
		exchange: {
			subjects: [
				() => 'Feil farge levert',
				(v) => `Bytte – ordre ${v.order}`,
				() => 'Kan jeg bytte til en større størrelse?',
			],
			openings: [
				(v) => `Jeg bestilte ${v.item} i svart, men fikk den hvite varianten. Ordre ${v.order}. Kan jeg bytte?`,
				(v) =>
					`${v.product} er kjempefin, men den er for liten for oss. Kan jeg bytte til den større modellen og betale mellomlegget?`,
			],
			followUps: [
				() => 'Supert. Skal jeg vente med å sende tilbake den gamle til den nye har kommet?',
				() => 'Ja takk, den svarte. Takk!',
			],
			replies: [
				() =>
					'Beklager forvekslingen! Selvsagt kan du bytte. Den svarte varianten er på lager, så jeg sender den så snart du bekrefter. Jeg har lagt ved en gratis returetikett for den du fikk.',
				() =>
					'Selvfølgelig! Den større modellen er på lager. Jeg sender den så snart du bekrefter, og du betaler bare mellomlegget. Jeg har lagt ved en gratis returetikett for den du har nå.',
			],
			resolutions: [
				(v) =>
					`Jeg har sendt riktig vare i dag med ${v.carrier} (sporingsnummer ${v.tracking}). Send den andre tilbake med etiketten innen 14 dager – byttet er selvfølgelig gratis.`,
			],
		},
		refund: {
			subjects: [
				() => 'Har ikke fått refusjon',
				(v) => `Venter fortsatt på refusjon – ${v.rma}`,
				() => 'Hvor blir det av pengene mine?',
			],
			openings: [
				(v) =>
					`Jeg returnerte ${v.item} (ordre ${v.order}) for over to uker siden, og ifølge ${v.carrier} mottok dere pakken ${v.deliveryDate}. Jeg har fortsatt ikke fått tilbake ${v.amount}. Når kan jeg regne med å få pengene?`,
				(v) =>
					`Dere lovet refusjon innen 5 dager. Nå har det gått 12 dager, og ingenting har skjedd. Returnummer ${v.rma}.`,
			],
			followUps: [
				() =>
					'Jeg har sjekket banken igjen i dag, og det er ingenting der. Kan dere sende dokumentasjon på at pengene er utbetalt?',
				() => 'Ok. Hvilket kort gikk de tilbake til? Jeg har to.',
			],
			replies: [
				() =>
					'Beklager at det har tatt tid. Returen din har kommet inn på lageret vårt, men kvalitetskontrollen var ikke fullført, og det har forsinket refusjonen. Jeg har bedt lageret prioritere den i dag og gir deg beskjed så snart pengene er sendt.',
			],
			resolutions: [
				(v) =>
					`Refusjonen på ${v.amount} ble gjennomført i dag til kortet du betalte med. Avhengig av banken din kan det ta 3–5 virkedager før beløpet vises. På kontoutskriften står det NH-${v.order}.`,
			],
		},
		billing: {
			subjects: [
				(v) => `Belastet to ganger for ordre ${v.order}`,
				() => 'Faktura med mva.',
				() => 'Spørsmål om betaling',
			],
			openings: [
				(v) =>
					`Jeg har blitt belastet to ganger for ordre ${v.order} – det står to trekk på ${v.amount} på kontoen min. Kan dere refundere det ene?`,
				(v) =>
					`Kan dere sende en faktura for ordre ${v.order} med mva. spesifisert? Jeg trenger den til regnskapet. Firmanavnet er ${v.company}.`,
			],
			followUps: [
				() => 'Det andre trekket vises fortsatt i dag.',
				(v) => `Til firmaet, takk – ${v.company}, org.nr. 918 442 301. Samme adresse som på ordren.`,
			],
			replies: [
				(v) =>
					`Takk for at du tar kontakt. Jeg har sjekket, og vi har bare trukket én betaling på ${v.amount}. Den andre er en reservasjon fra det første betalingsforsøket ditt – det er ikke et trekk, og banken frigir den automatisk innen 3–7 dager.`,
				() =>
					'Selvfølgelig! Skal fakturaen stiles til deg eller til firmaet? Hvis det er firmaet, send meg organisasjonsnummer og adresse, så lager jeg den med en gang.',
			],
			resolutions: [
				(v) =>
					`Jeg har lagt ved fakturaen for ordre ${v.order} med spesifisert mva. Si fra hvis du trenger noe mer til regnskapet.`,
				(v) =>
					`Betalingsleverandøren vår har bekreftet at det ekstra trekket nå er kansellert. Du får ${v.amount} tilbake på kontoen i løpet av noen dager.`,
			],
		},
		'coffee-machine': {
			subjects: [
				(v) => `${v.product} lekker vann`,
				(v) => `Kaffemaskinen viser feil ${v.error}`,
				() => 'Espressomaskinen blir ikke varm',
			],
			openings: [
				(v) =>
					`Min ${v.product} har begynt å lekke vann under maskinen hver gang jeg lager kaffe. Den er rundt ${v.months} måneder gammel, og jeg avkalker den jevnlig. Kan jeg gjøre noe selv, eller er dette en reklamasjonssak?`,
				(v) =>
					`Kaffemaskinen viser feil ${v.error} og bare blinker. Jeg har prøvd å slå den av og på og fylle på vanntanken. Modell ${v.product}.`,
				(v) => `Siden i morges lager min ${v.product} bare lunken kaffe. Pumpa høres normal ut. Noen tips?`,
			],
			followUps: [
				() => 'Jeg har kjørt avkalkingsprogrammet som du foreslo, men den lekker fortsatt. Legger ved en video.',
				(v) => `Serienummeret står under maskinen: ${v.serial}. Feilen kom tilbake etter to kopper.`,
				() => 'Har kjørt avkalkingen to ganger, og nå er kaffen varm igjen – tusen takk!',
			],
			replies: [
				(v) =>
					`Så kjedelig med maskinen! Feil ${v.error} betyr som regel at det har kommet luft inn i vannsystemet. Prøv dette:\n\n- Ta av vanntanken, og fyll den med friskt vann\n- Sett en kopp under damprøret, og åpne for damp i 30 sekunder\n- Kjør skylleprogrammet to ganger\n\nHvis feilen kommer tilbake, send meg serienummeret (på klistremerket under dryppbrettet), så ordner vi reparasjon under reklamasjonsretten.`,
				() =>
					'Så kjedelig! Lekkasje og lunken kaffe skyldes som oftest kalk. Kjør avkalkingsprogrammet (Meny → Vedlikehold → Avkalking) med et skikkelig avkalkingsmiddel, og si fra hvordan det går. Hvis det ikke hjelper, send meg serienummeret fra klistremerket under dryppbrettet, så ser vi på en reparasjon under reklamasjonsretten.',
			],
			resolutions: [
				(v) =>
					`Takk for at du har prøvd alt. Siden maskinen er innenfor reklamasjonsretten, får du en ny. Jeg har bestilt henting med ${v.carrier} – sjåføren har med seg den nye maskinen og tar med den gamle. Tøm gjerne vanntanken og dryppbrettet før.`,
				() => 'Så bra at avkalkingen hjalp! Med hardt vann anbefaler vi å avkalke hver fjerde til sjette uke.',
			],
		},
		headphones: {
			subjects: [
				(v) => `${v.product} vil ikke koble til`,
				() => 'Venstre ørepropp virker ikke',
				() => 'Støydempingen har sluttet å virke',
			],
			openings: [
				(v) =>
					`${v.product} vil ikke lenger pares med telefonen min. Det fungerte fint fram til i går. Jeg har startet telefonen på nytt og skrudd Bluetooth av og på. iPhone 14, nyeste iOS.`,
				(v) =>
					`Venstre ørepropp faller ut med noen minutters mellomrom, mens den høyre fungerer som den skal. Jeg har hatt dem i ${v.months} måneder.`,
			],
			followUps: [
				() => 'Jeg gjorde tilbakestillingen, men nå vises ingen av øreproppene i Bluetooth.',
				() => 'Har oppdatert fastvaren via appen, og det virker bedre nå. Jeg følger med.',
			],
			replies: [
				(v) =>
					`Takk for informasjonen. Prøv en full tilbakestilling:\n\n1. Legg begge øreproppene i etuiet, og la lokket stå åpent\n2. Hold inne knappen på etuiet i 15 sekunder til lyset blinker hvitt\n3. Slett "${v.product}" fra Bluetooth-listen på telefonen, og par dem på nytt\n\nSjekk også at fastvaren er oppdatert til 2.1.4 i Nordlys Sound-appen – den oppdateringen retter utfall på venstre side.`,
			],
			resolutions: [
				() =>
					'Siden verken tilbakestilling eller oppdatering hjalp, er det en maskinvarefeil, så du får et nytt par under reklamasjonsretten. Jeg har lagt ved en forhåndsbetalt returetikett – send de gamle tilbake i etuiet, så sender vi de nye så snart pakken er skannet.',
				() => 'Så bra at de virker igjen! Jeg lukker saken, men bare svar her hvis utfallene kommer tilbake.',
			],
		},
		router: {
			subjects: [
				() => 'WiFi-en faller ut hele tiden',
				(v) => `Oppsett av ${v.product} feiler`,
				() => 'Tregt internett etter mesh-installasjon',
			],
			openings: [
				(v) =>
					`Etter at vi satte opp ${v.product}, faller WiFi-en ut flere ganger om dagen i et minutt eller to. Alle tre enhetene lyser hvitt. Internettleverandøren sier at linja er i orden. Har dere noen tips?`,
				(v) =>
					`Jeg får ikke fullført oppsettet av ${v.product}. Appen blir stående på "Leter etter ruteren din" og får så tidsavbrudd. Har prøvd tre ganger.`,
			],
			followUps: [
				(v) => `Her er diagnosekoden fra appen: ${v.diag}.`,
				() =>
					'Har flyttet satellitten nærmere som du foreslo – det er bedre, men enheten i andre etasje lyser fortsatt oransje.',
			],
			replies: [
				() =>
					'Takk for at du tar kontakt. Kan du kjøre en diagnose i appen (Innstillinger → Kundestøtte → Send diagnose) og svare med koden du får? I mellomtiden kan du prøve å plassere satellittene maks to rom fra hverandre og et stykke unna mikrobølgeovn og babycall.',
			],
			resolutions: [
				() =>
					'Diagnosen viser kraftig interferens på kanal 11. Jeg har flyttet systemet ditt til kanal 1 via fjernstyring og oppdatert fastvaren til 3.4.2. Det bør være mye mer stabilt nå – si fra hvis det fortsatt faller ut om et par dager.',
				() =>
					'Hovedenheten har en defekt nettverksport, så jeg sender en ny i dag. Du kan bruke den gamle til den nye kommer.',
			],
		},
		'app-login': {
			subjects: [
				() => 'Får ikke logget inn i appen',
				() => 'Innlogging virker ikke etter oppdatering',
				() => 'Nordlys Home-appen: "Noe gikk galt"',
			],
			openings: [
				() =>
					'Siden i morges har jeg ikke fått logget inn i Nordlys Home-appen. Det står bare "Noe gikk galt, prøv igjen senere". Har installert den på nytt to ganger. Jeg bruker den til timeren på kaffemaskinen.',
				() =>
					'Etter siste oppdatering av appen bare spinner innloggingssiden. Både på min og samboerens telefon. Er det problemer hos dere?',
			],
			followUps: [
				() => 'Virker fortsatt ikke nå i kveld.',
				() => 'Noe nytt? "Tilbakestill passord" virker heller ikke – det kommer ingen e-post.',
			],
			replies: [
				() =>
					'Takk for at du sier fra, og beklager bryderiet. Vi har for øyeblikket problemer med innlogging i Nordlys Home-appen for en del kunder, og utviklerne våre jobber med en løsning. Du trenger ikke installere appen på nytt eller bytte passord – vi gir deg beskjed her så snart det er løst.',
			],
			resolutions: [
				() =>
					'Innloggingsfeilen ble rettet i dag kl. 14.20. Lukk appen helt, og åpne den igjen – da skal du kunne logge inn som vanlig. Beklager ulempen!',
			],
		},
		complaint: {
			subjects: [() => 'Svært misfornøyd med servicen deres', () => 'Klage på sjåføren', () => 'Dårlig opplevelse'],
			openings: [
				(v) =>
					`Jeg vil klage. Jeg har nå ringt kundeservice tre ganger om ordre ${v.order}, og hver gang blir jeg lovet at noen skal ringe meg tilbake, men det skjer aldri. Dette er ikke greit.`,
				(v) =>
					`Sjåføren deres satte pakken min utenfor døra i regnet, selv om jeg var hjemme. Esken var gjennomvåt. Ordre ${v.order}. Jeg er ikke fornøyd.`,
			],
			followUps: [
				() => 'Takk for beklagelsen, men jeg vil fortsatt vite hva dere gjør for at det ikke skal skje igjen.',
				() => 'Et gavekort er hyggelig, men jeg vil bare ha varen jeg har betalt for.',
			],
			replies: [
				() =>
					'Det beklager jeg virkelig – du skal ikke måtte mase på oss på den måten. Jeg har sett på hva som har skjedd, og saken din har blitt sendt mellom flere team uten at noen har tatt ansvar. Nå er det jeg som har saken din, og du hører fra meg senest i morgen.',
				(v) =>
					`Det beklager jeg virkelig – slik skal ikke pakken din behandles. Jeg har klaget på leveringen til ${v.carrier} og bedt dem ta det opp med sjåføren. Ble noe i pakken skadet? I så fall sender vi en ny med en gang.`,
			],
			resolutions: [
				(v) =>
					`Takk for tålmodigheten. Jeg har snakket med ${v.carrier} om leveringen, og de har tatt det opp med sjåføren. Som en unnskyldning har jeg refundert frakten og lagt inn et gavekort på ${v.voucher} på kontoen din.`,
				(v) =>
					`Jeg har gått gjennom ordre ${v.order}, og nå er alt på vei – sporingsnummer ${v.tracking}. Som en unnskyldning har jeg lagt inn et gavekort på ${v.voucher} på kontoen din, og jeg har gitt tilbakemeldingen din videre til teamlederen vår, slik at lovede tilbakeringinger faktisk blir gjort.`,
			],
		},
		'pre-sales': {
			subjects: [(v) => `Spørsmål om ${v.product}`, (v) => `Har dere ${v.product} på lager?`, () => 'Før jeg kjøper…'],
			openings: [
				(v) => `Jeg vurderer å kjøpe ${v.item}. Hvor lang er garantien, og hvor raskt kan dere levere til ${v.city}?`,
				(v) => `Kommer ${v.product} snart på lager igjen? Det har stått "kommer snart" på nettsiden i flere uker.`,
				(v) => `Kan man betale med Vipps eller dele opp betalingen? Vurderer ${v.item}.`,
			],
			followUps: [() => 'Takk! Kan jeg få reservert en?', () => 'Supert, da bestiller jeg i dag.'],
			replies: [
				(v) =>
					`Takk for interessen! Du har to års reklamasjonsrett (fem år på produkter som er ment å vare lenge), og vi leverer vanligvis til ${v.city} innen 2–4 virkedager. Varen er på lager, så bestiller du i dag, blir den sendt i morgen.`,
				() =>
					'Den er ventet inn på lager igjen neste uke. Vil du at jeg setter opp et lagervarsel, så du får en e-post så snart du kan bestille?',
				() =>
					'Ja – du kan betale med Vipps, kort eller Klarna. Med Klarna kan du dele opp betalingen over 3 måneder uten renter; du velger det bare i kassen.',
			],
			resolutions: [
				(v) =>
					`Vi regner med å få inn ${v.product} igjen neste uke. Jeg har satt opp et lagervarsel for deg, så du får en e-post så snart varen kan bestilles.`,
				() =>
					'Ja, du kan betale med Vipps, kort eller Klarna – med Klarna kan du dele opp betalingen over 3 måneder uten renter.',
				() =>
					'Så hyggelig – takk for at du handler hos oss! Hvis du har spørsmål når varen har kommet, er det bare å svare på denne meldingen.',
			],
		},
		'review-negative': {
			subjects: [
				(v) => `Ny anmeldelse (1★) fra ${v.first} ${v.last.slice(0, 1)}.`,
				() => 'Trustpilot-anmeldelse: 2 stjerner',
			],
			openings: [
				(v) =>
					`Bestilte ${v.item}, som kom to uker for sent, og ingen svarte på e-postene mine. Da pakken endelig kom, var esken knust. Handler ikke her igjen.`,
				() =>
					'Kundeservicen er en vits. Ventet 9 dager på svar om en refusjon. Selve produktet er greit nok, men servicen ødelegger alt.',
			],
			followUps: [() => 'Jeg har sendt ordrenummeret på e-post nå.'],
			replies: [
				(v) =>
					`Hei ${v.first}. Takk for at du tok deg tid til å skrive, og beklager at vi ikke levde opp til forventningene dine. Slik skal ingen oppleve oss. Kan du sende ordrenummeret ditt til hei@nordlyshome.no, merket "att. ${v.agent}"? Da sørger jeg personlig for at det blir løst.`,
			],
			resolutions: [
				(v) =>
					`Takk for at du tok kontakt igjen, ${v.first}. Vi har nå refundert frakten din, og jeg håper vi får sjansen til å gjøre det bedre neste gang.`,
			],
		},
		'review-positive': {
			subjects: [(v) => `Ny anmeldelse (5★) fra ${v.first}`, () => 'Trustpilot-anmeldelse: 5 stjerner'],
			openings: [
				(v) =>
					`Lynrask levering, og ${v.product} er enda bedre enn forventet. Enkel retur også. Anbefales på det varmeste!`,
				() =>
					'Hadde et problem med bestillingen, og kundeservice løste det på under en dag. Hyggelige og hjelpsomme. 5 stjerner herfra.',
			],
			followUps: [() => 'Takk for svaret!'],
			replies: [
				(v) => `Tusen takk for den fine anmeldelsen, ${v.first}! Så hyggelig å høre at du er fornøyd med ${v.product}.`,
			],
			resolutions: [() => 'Takk igjen for de hyggelige ordene – vi sender dem videre til hele teamet!'],
		},
		b2b: {
			subjects: [
				(v) => `Tilbud på ${v.qty} stk. ${v.product}`,
				() => 'Bedriftsbestilling – mengderabatt?',
				() => 'Utstyr til kontorkjøkken',
			],
			openings: [
				(v) =>
					`Vi pusser opp kontorkjøkkenene hos ${v.company} og ønsker et tilbud på ${v.qty} stk. ${v.product}, levert til kontoret vårt i ${v.city}. Gir dere mengderabatt, og kan vi betale mot faktura (30 dager)?`,
			],
			followUps: [
				() => 'Takk. Kan installasjon inngå, eller er det ikke noe dere tilbyr?',
				() => 'Organisasjonsnummeret vårt er 918 442 301. Dere kan gå videre.',
			],
			replies: [
				(v) =>
					`Takk for henvendelsen! Ved ${v.qty} stk. kan vi tilby 12 % rabatt på listeprisen og betaling mot faktura med 30 dagers kreditt. Jeg har lagt ved et tilbud som gjelder i 30 dager. Kan du bekrefte leveringsadressen og organisasjonsnummeret deres?`,
			],
			resolutions: [
				() =>
					'Ordren er bekreftet, og levering er booket til neste tirsdag mellom kl. 8 og 12. Fakturaen blir sendt til regnskapsavdelingen deres på e-post.',
			],
		},
		warranty: {
			subjects: [
				(v) => `${v.product} har sluttet å virke`,
				() => 'Reklamasjon',
				(v) => `Defekt etter ${v.months} måneder`,
			],
			openings: [
				(v) =>
					`Min ${v.product} har sluttet helt å virke etter ${v.months} måneder. Ingen lys, ingenting. Har prøvd andre stikkontakter. Den er kjøpt hos dere – ordre ${v.order}. Dekkes dette av reklamasjonsretten?`,
				(v) =>
					`Min ${v.product} har begynt å lage en høy skrapelyd og lukter svidd. Jeg har sluttet å bruke den. Den er ${v.months} måneder gammel.`,
			],
			followUps: [
				() => 'Kvittering vedlagt. Må den sendes i originalesken? Den har jeg ikke lenger.',
				() => 'Ok, når kommer transportøren?',
			],
			replies: [
				() =>
					'Så leit! Ja, dette dekkes av reklamasjonsretten. Send meg et bilde av typeskiltet (under produktet), så registrerer jeg saken. Du trenger ikke originalesken – en solid pappeske holder fint.',
			],
			resolutions: [
				(v) =>
					`Reklamasjonen er godkjent. ${v.carrier} henter den defekte ${v.product} ${v.deliveryDate}, og vi sender en ny så snart den er skannet. Saksnummeret ditt er ${v.rma}.`,
			],
		},
		cancel: {
			subjects: [
				(v) => `Kanseller ordre ${v.order}`,
				() => 'Endre leveringsadresse',
				() => 'Vennligst kanseller bestillingen min',
			],
			openings: [
				(v) => `Jeg kom i skade for å bestille to ganger – kan dere kansellere ordre ${v.order}? Jeg trenger bare én.`,
				(v) =>
					`Rekker jeg å endre leveringsadressen på ordre ${v.order}? Oppdaget akkurat at jeg har skrevet den gamle adressen min.`,
			],
			followUps: [
				() => 'Ja, det stemmer. Og pengene kommer automatisk tilbake?',
				(v) => `Den nye adressen er Storgata 14 B, ${v.city}.`,
			],
			replies: [
				() =>
					'Det hjelper jeg deg gjerne med. Kan du bekrefte hele den nye adressen, inkludert postnummer? Ordren skal etter planen pakkes i ettermiddag, så jo før jo bedre.',
				(v) =>
					`Jeg ser at ordre ${v.order} ikke er pakket ennå, så jeg kan kansellere den. Bare for å være sikker: Det er ${v.order} som skal kanselleres, og den andre ordren beholder du?`,
			],
			resolutions: [
				(v) =>
					`Ordre ${v.order} er kansellert, og hele beløpet på ${v.amount} er refundert. Pengene er på kontoen din innen 3–5 virkedager.`,
				(v) =>
					`Jeg har endret leveringsadressen på ordre ${v.order}. Du får en ny e-post med sporing når pakken er sendt.`,
			],
		},
	},
};
