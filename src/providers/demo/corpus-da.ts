import {groupThousands, type LanguagePack, localPrice} from './corpus.js';

/** Danish customers (the shop's home market). */
export const danish: LanguagePack = {
	lang: 'da',
	locales: ['da', 'da-DK', 'da'],
	firstNames: [
		'Mette',
		'Lars',
		'Søren',
		'Camilla',
		'Anders',
		'Louise',
		'Mikkel',
		'Sofie',
		'Jens',
		'Line',
		'Rasmus',
		'Pernille',
		'Kasper',
		'Maja',
		'Henrik',
		'Ida',
		'Thomas',
		'Signe',
		'Frederik',
		'Birgitte',
	],
	lastNames: [
		'Nielsen',
		'Jensen',
		'Hansen',
		'Pedersen',
		'Andersen',
		'Christensen',
		'Larsen',
		'Sørensen',
		'Rasmussen',
		'Jørgensen',
		'Madsen',
		'Kristensen',
		'Mortensen',
		'Thomsen',
		'Poulsen',
		'Østergaard',
	],
	emailDomains: ['gmail.com', 'hotmail.com', 'outlook.dk', 'mail.dk', 'live.dk', 'jubii.dk'],
	cities: [
		'København',
		'Aarhus',
		'Odense',
		'Aalborg',
		'Esbjerg',
		'Randers',
		'Kolding',
		'Roskilde',
		'Vejle',
		'Horsens',
		'Silkeborg',
		'Frederiksberg',
	],
	carriers: ['GLS', 'PostNord', 'DAO', 'Bring'],
	companies: [
		'Café Solsikke ApS',
		'Nørregade Revision ApS',
		'Tandlægerne i Vejle I/S',
		'Kontorfællesskabet Vesterbro',
		'Fynsk Ejendomsservice A/S',
	],
	phone: {prefix: '+45', pattern: '## ## ## ##'},
	shopHost: 'nordlyshome.dk',
	formatMoney: (eur) => `${groupThousands(localPrice(eur, 7.46), '.')} kr.`,
	voucher: '100 kr.',
	months: [
		'januar',
		'februar',
		'marts',
		'april',
		'maj',
		'juni',
		'juli',
		'august',
		'september',
		'oktober',
		'november',
		'december',
	],
	formatDate: (day, month) => `${day}. ${month}`,
	item: {
		espresso: (m) => `en ${m} espressomaskine`,
		kettle: (m) => `en ${m} elkedel`,
		headphones: (m) => `et par ${m}-høretelefoner`,
		router: (m) => `et ${m} mesh-system`,
		airfryer: (m) => `en ${m} airfryer`,
		blender: (m) => `en ${m} blender`,
		vacuum: (m) => `en ${m} robotstøvsuger`,
		knives: (m) => `et ${m} knivsæt`,
		pan: (m) => `en ${m} støbejernspande`,
		soundbar: (m) => `en ${m} soundbar`,
		mixer: (m) => `en ${m} røremaskine`,
		toaster: (m) => `en ${m} brødrister`,
	},
	customerGreetings: ['Hej', 'Hej med jer', 'Hej Nordlys Home', 'Goddag', 'Hejsa', ''],
	customerSignoffs: [
		(v) => `Mvh.\n${v.first}`,
		(v) => `Venlig hilsen\n${v.first} ${v.last}`,
		(v) => `Med venlig hilsen\n${v.first} ${v.last}`,
		(v) => `Hilsen ${v.first}`,
		(v) => `/${v.first}`,
	],
	agentGreetings: [(v) => `Hej ${v.first}`, (v) => `Kære ${v.first}`, (v) => `Hej ${v.first},`],
	agentClosings: [
		(v) => `Med venlig hilsen\n${v.agent}\nNordlys Home Kundeservice`,
		(v) => `Venlig hilsen\n${v.agent}\nNordlys Home`,
		(v) => `Rigtig god dag!\n\n${v.agent}\nNordlys Home Kundeservice`,
	],
	agentClosingShort: (v) => `Mvh. ${v.agent}`,
	chasers: [
		(v) => `Jeg har endnu ikke hørt fra jer angående ordre ${v.order}. Vil I ikke lige vende tilbage?`,
		() => 'Hej igen – er der noget nyt? Jeg har ventet nogle dage nu.',
		() => 'Har I set min mail? Jeg mangler stadig et svar.',
		() => 'Nu har jeg skrevet to gange uden at få svar. Læser I overhovedet jeres mails?',
	],
	thanks: [
		() => 'Super, tusind tak for hjælpen!',
		(v) => `Perfekt, det var lige det, jeg havde brug for. Tak ${v.agent}.`,
		() => 'Den er modtaget nu. Tak for hurtig hjælp!',
		() => 'Tak – det sætter jeg stor pris på.',
	],
	reopens: [
		() => 'Undskyld, at jeg skriver igen, men problemet er desværre kommet tilbage siden i går.',
		() => 'Hej igen. Det er desværre ikke løst alligevel – samme fejl som før.',
		() => 'Der er stadig ikke sket noget hos mig. Kan I tjekke det igen?',
	],
	autoReply:
		'Tak for din henvendelse til Nordlys Home. Dette er en automatisk bekræftelse på, at vi har modtaget din mail.\n\nVi svarer normalt inden for én hverdag. Du behøver ikke sende din henvendelse igen, da det kan forsinke vores svar.\n\nNordlys Home Kundeservice',
	csatGood: [
		'Hurtigt og venligt svar. Tak!',
		'Løst i første svar – super service.',
		'Meget hjælpsom medarbejder, der forklarede det hele grundigt.',
		'Nemt og hurtigt, pengene var tilbage dagen efter.',
		'Rigtig god oplevelse, handler gerne igen.',
	],
	csatBad: [
		'Det tog alt for lang tid at få svar.',
		'Jeg skulle forklare det samme tre gange.',
		'Har stadig ikke fået mine penge tilbage.',
		'Svaret hjalp overhovedet ikke.',
		'Standardsvar – ingen havde læst min mail ordentligt.',
	],
	orderTable: {
		title: 'Din ordre:',
		item: 'Vare',
		qty: 'Antal',
		price: 'Pris',
		shipping: 'Fragt',
		total: 'I alt',
		free: 'Gratis',
	},
	attachmentNames: {
		receipt: (order) => `kvittering-${order}.pdf`,
		invoice: (order) => `faktura-${order}.pdf`,
		returnLabel: (rma) => `returlabel-${rma}.pdf`,
		quote: (order) => `tilbud-T${order}.pdf`,
	},
	scenarios: {
		'order-status': {
			subjects: [
				(v) => `Hvor er min ordre ${v.order}?`,
				(v) => `Ordre ${v.order} – ingen forsendelsesmail`,
				() => 'Status på ordre?',
			],
			openings: [
				(v) =>
					`Jeg bestilte ${v.item} den ${v.orderDate} (ordre ${v.order}), men jeg har stadig ikke fået en mail om, at den er sendt. Der står bare "under behandling" på hjemmesiden. Kan I sige, hvornår den bliver sendt?`,
				(v) =>
					`Kan I fortælle mig, hvor min ordre er? Ordrenummer ${v.order}, bestilt den ${v.orderDate}. Jeg skal bruge den inden weekenden, da det er en gave.`,
			],
			followUps: [
				() => 'Tak. Men sporingslinket siger bare "label oprettet" – der er ikke sket noget i to dage.',
				() => 'Okay, men der stod 2-4 hverdage, da jeg bestilte. Kan I ikke sende den som express?',
			],
			replies: [
				(v) =>
					`Tak for din tålmodighed. Din ordre ${v.order} blev pakket i går og afleveret til ${v.carrier} i morges. Du kan følge pakken her: [følg din pakke](https://track.demo.csr/${v.tracking})\n\nSporingen bliver som regel opdateret inden for 24 timer.`,
				(v) =>
					`Jeg har kigget på ordre ${v.order}: Varen var midlertidigt udsolgt på vores lager, og derfor er den ikke sendt endnu. Vi får nye varer ind i morgen, og din ordre er først i køen – du får en mail, så snart den er afsendt.`,
			],
			resolutions: [
				(v) =>
					`Godt nyt – ${v.carrier} bekræfter, at pakken er på dit lokale depot og bliver leveret i morgen. Trackingnummer: ${v.tracking}.\n\nUndskyld ventetiden, og god fornøjelse med varen!`,
				(v) =>
					`Din ordre er nu sendt med ${v.carrier} (trackingnummer ${v.tracking}) og er hos dig inden for 1-2 hverdage. Da det tog længere tid end lovet, har jeg refunderet fragten.`,
			],
		},
		'delivery-delay': {
			subjects: [
				(v) => `Pakken sidder fast – ordre ${v.order}`,
				() => 'Pakke ikke modtaget',
				(v) => `Venter stadig på levering (${v.order})`,
			],
			openings: [
				(v) =>
					`Min ordre ${v.order} skulle være leveret den ${v.deliveryDate}, men den er stadig ikke kommet. Sporingen hos ${v.carrier} (${v.tracking}) har ikke ændret sig i fire dage. Hvad sker der?`,
				(v) =>
					`Ifølge sporingen blev min pakke leveret i går, men der er ingenting – hverken ved døren eller hos naboerne. Ordre ${v.order}. Hjælp!`,
			],
			followUps: [
				() =>
					'Jeg har spurgt naboerne og viceværten igen – ingenting. Jeg vil gerne have en ny sendt eller pengene tilbage.',
				() => 'Stadig intet i dag. Det skulle have været en fødselsdagsgave, så jeg er ret skuffet.',
			],
			replies: [
				(v) =>
					`Jeg er ked af, at din pakke er forsinket. Jeg har sat en efterlysning i gang hos ${v.carrier} på trackingnummer ${v.tracking}. De svarer normalt inden for 2-3 hverdage, og jeg vender tilbage, så snart jeg hører fra dem.\n\nVil du i mellemtiden bekræfte din leveringsadresse, så jeg kan udelukke en tastefejl?`,
				(v) =>
					`Tak, fordi du skriver. Chaufførens GPS-scanning viser, at pakken blev stillet af i nærheden af ${v.city}, og det passer ikke med din adresse. Jeg har oprettet en reklamation hos ${v.carrier} og bedt dem undersøge, hvor pakken er stillet.`,
			],
			resolutions: [
				(v) =>
					`${v.carrier} har bekræftet, at pakken er gået tabt, så jeg har sendt en ny afsted i dag som express – nyt trackingnummer ${v.tracking}. Hvis den første pakke alligevel dukker op, kan du bare afvise den eller give os besked.`,
				(v) =>
					`Pakken er dukket op på ${v.carrier}s terminal – den var blevet fejlsorteret. Den er sendt videre og bliver leveret i morgen. Jeg har lagt et gavekort på ${v.voucher} på din konto som plaster på såret.`,
			],
		},
		damaged: {
			subjects: [
				() => 'Varen er kommet i stykker',
				(v) => `Beskadiget ved levering – ordre ${v.order}`,
				(v) => `${v.product} ankom beskadiget`,
			],
			openings: [
				(v) =>
					`Min ${v.product} kom i dag, og kassen var mast i det ene hjørne. Da jeg pakkede ud, var glasdelen revnet. Jeg har vedhæftet billeder. Ordre ${v.order}.`,
				(v) =>
					`Desværre har jeg fået en beskadiget ${v.product} – der er en stor bule i siden, og det rasler, når man løfter den. Jeg har ikke brugt den. Billeder vedhæftet. Hvad gør jeg nu?`,
			],
			followUps: [
				() => 'Tak – skal jeg gemme kassen til fragtfirmaet?',
				() => 'Jeg vil helst have en ny i stedet for pengene tilbage, hvis det kan lade sig gøre.',
			],
			replies: [
				() =>
					'Jeg er virkelig ked af, at varen kom frem i den stand, og tak for billederne – de viser det tydeligt. Vil du helst have en ny, eller skal vi refundere hele beløbet? Når du har svaret, sætter jeg det i gang med det samme, og du behøver ikke sende den beskadigede retur.',
				(v) =>
					`Det er jeg ked af! For at sende en ny skal jeg bruge ét billede mere: labelen på yderkassen, så vi kan anmelde skaden til ${v.carrier}. Gem venligst emballagen, indtil sagen er lukket.`,
			],
			resolutions: [
				(v) =>
					`Jeg har sendt en ny ${v.product} til dig i dag (ordre ${v.order}-R, trackingnummer ${v.tracking}). Den beskadigede kan du bare aflevere til genbrug – du skal ikke sende den retur.`,
				(v) =>
					`Jeg har refunderet ${v.amount} til dit betalingskort. Beløbet står normalt på din konto inden for 3-5 bankdage.`,
			],
		},
		return: {
			subjects: [
				(v) => `Returnering – ordre ${v.order}`,
				() => 'Jeg vil gerne returnere en vare',
				() => 'Hvordan returnerer jeg?',
			],
			openings: [
				(v) =>
					`Jeg vil gerne returnere ${v.item} fra ordre ${v.order}. Emballagen er ikke engang åbnet – vi har fundet ud af, at vi simpelthen ikke har plads i køkkenet. Hvordan gør jeg?`,
				(v) =>
					`Jeg vil gerne sende min ordre ${v.order} retur, da jeg har fortrudt købet. Kan I sende mig en returlabel?`,
			],
			followUps: [
				() => 'Tak. Er returneringen gratis, eller trækker I fragten fra?',
				(v) => `Jeg har afleveret pakken i ${v.carrier}-pakkeshoppen i dag.`,
			],
			replies: [
				(v) =>
					`Selvfølgelig – du har 30 dages returret. Sådan gør du:\n\n1. Log ind på [returportalen](https://nordlyshome.dk/retur) med dit ordrenummer ${v.order}\n2. Vælg varen og årsagen\n3. Print labelen, og aflever pakken i en ${v.carrier}-pakkeshop\n\nDit returnummer er ${v.rma}. Vi refunderer senest 5 hverdage efter, at vi har modtaget pakken.`,
			],
			resolutions: [
				(v) =>
					`Vi har modtaget din returnering ${v.rma}, og refunderingen på ${v.amount} er sendt i dag. Der kan gå 3-5 bankdage, før beløbet står på din konto.`,
				(v) =>
					`Returlabelen er vedhæftet. Pak venligst varen godt ind, gerne i den originale kasse, og aflever den hos ${v.carrier} inden for 14 dage.`,
			],
		},
		exchange: {
			subjects: [
				() => 'Forkert farve modtaget',
				(v) => `Ombytning – ordre ${v.order}`,
				() => 'Kan jeg bytte til en større størrelse?',
			],
			openings: [
				(v) => `Jeg bestilte ${v.item} i sort, men har fået den hvide udgave. Ordre ${v.order}. Kan jeg bytte?`,
				(v) =>
					`${v.product} er rigtig fin, men den er for lille til os. Kan jeg bytte til den større model og betale forskellen?`,
			],
			followUps: [
				() => 'Super. Skal jeg vente med at sende den gamle retur, til den nye er kommet?',
				() => 'Ja tak, den sorte. Tak!',
			],
			replies: [
				() =>
					'Undskyld forvekslingen! Selvfølgelig kan du bytte. Den sorte udgave er på lager, så jeg sender den, så snart du bekræfter. Jeg har vedhæftet en gratis returlabel til den, du har modtaget.',
				() =>
					'Selvfølgelig! Den større model er på lager. Jeg sender den, så snart du bekræfter, og du betaler kun prisforskellen. Jeg har vedhæftet en gratis returlabel til den, du har nu.',
			],
			resolutions: [
				(v) =>
					`Jeg har sendt den rigtige vare i dag med ${v.carrier} (trackingnummer ${v.tracking}). Send venligst den anden retur med labelen inden for 14 dage – ombytningen er selvfølgelig gratis.`,
			],
		},
		refund: {
			subjects: [
				() => 'Har ikke fået pengene retur',
				(v) => `Venter stadig på refundering – ${v.rma}`,
				() => 'Hvor bliver mine penge af?',
			],
			openings: [
				(v) =>
					`Jeg returnerede ${v.item} (ordre ${v.order}) for over to uger siden, og ifølge ${v.carrier} modtog I pakken den ${v.deliveryDate}. Jeg har stadig ikke fået mine ${v.amount} retur. Hvornår kan jeg forvente dem?`,
				(v) =>
					`I lovede refundering inden for 5 dage. Nu er der gået 12 dage, og der er intet sket. Returnummer ${v.rma}.`,
			],
			followUps: [
				() =>
					'Jeg har tjekket min bank igen i dag, og der er ingenting. Kan I sende dokumentation for, at pengene er udbetalt?',
				() => 'Okay. Hvilket kort er de gået tilbage til? Jeg har to.',
			],
			replies: [
				() =>
					'Undskyld ventetiden. Din returnering er modtaget på vores lager, men kvalitetskontrollen var ikke blevet afsluttet, og det har forsinket refunderingen. Jeg har bedt lageret om at prioritere den i dag og giver dig besked, så snart pengene er sendt.',
			],
			resolutions: [
				(v) =>
					`Refunderingen på ${v.amount} er gennemført i dag til det kort, du betalte med. Afhængigt af din bank kan der gå 3-5 bankdage, før beløbet er synligt. Teksten på kontoudtoget er NH-${v.order}.`,
			],
		},
		billing: {
			subjects: [
				(v) => `Trukket to gange for ordre ${v.order}`,
				() => 'Faktura med moms',
				() => 'Spørgsmål til betaling',
			],
			openings: [
				(v) =>
					`Jeg er blevet trukket to gange for ordre ${v.order} – der står to betalinger på ${v.amount} på min konto. Vil I refundere den ene?`,
				(v) =>
					`Kan I sende en faktura på ordre ${v.order} med momsen specificeret? Jeg skal bruge den til regnskabet. Firmanavnet er ${v.company}.`,
			],
			followUps: [
				() => 'Den anden betaling står der altså stadig i dag.',
				(v) => `Til firmaet, tak – ${v.company}, CVR-nr. 38 41 27 95. Samme adresse som på ordren.`,
			],
			replies: [
				(v) =>
					`Tak, fordi du skriver. Jeg har tjekket, og vi har kun trukket én betaling på ${v.amount}. Den anden er en reservation fra dit første betalingsforsøg – det er ikke en betaling, og banken frigiver den automatisk inden for 3-7 dage.`,
				() =>
					'Selvfølgelig! Skal fakturaen udstedes til dig eller til firmaet? Hvis det er firmaet, så send mig CVR-nummer og adresse, så laver jeg den med det samme.',
			],
			resolutions: [
				(v) =>
					`Jeg har vedhæftet fakturaen for ordre ${v.order} med momsen specificeret. Sig endelig til, hvis du har brug for andet til regnskabet.`,
				(v) =>
					`Vores betalingsudbyder har bekræftet, at den ekstra betaling nu er annulleret. Du får de ${v.amount} tilbage på kontoen inden for et par dage.`,
			],
		},
		'coffee-machine': {
			subjects: [
				(v) => `${v.product} lækker vand`,
				(v) => `Kaffemaskinen viser fejl ${v.error}`,
				() => 'Espressomaskinen bliver ikke varm',
			],
			openings: [
				(v) =>
					`Min ${v.product} er begyndt at lække vand i bunden, hver gang jeg laver kaffe. Den er ca. ${v.months} måneder gammel, og jeg afkalker den jævnligt. Kan jeg selv gøre noget, eller er det en reklamationssag?`,
				(v) =>
					`Kaffemaskinen viser fejl ${v.error} og blinker bare. Jeg har prøvet at slukke og tænde den og fylde vandbeholderen op igen. Model ${v.product}.`,
				(v) => `Siden i morges laver min ${v.product} kun lunken kaffe. Pumpen lyder normal. Nogen idéer?`,
			],
			followUps: [
				() => 'Jeg har kørt afkalkningsprogrammet, som du foreslog, men den lækker stadig. Video vedhæftet.',
				(v) => `Serienummeret står i bunden: ${v.serial}. Fejlen kom igen efter to kopper.`,
				() => 'Har kørt afkalkningen to gange, og nu er kaffen varm igen – tusind tak!',
			],
			replies: [
				(v) =>
					`Ærgerligt med maskinen! Fejl ${v.error} betyder som regel, at der er kommet luft i vandsystemet. Prøv venligst dette:\n\n- Tag vandbeholderen af, og fyld den med frisk vand\n- Sæt en kop under damprøret, og åbn for damp i 30 sekunder\n- Kør skylleprogrammet to gange\n\nHvis fejlen kommer igen, så send mig serienummeret (på mærkaten under drypbakken), så sørger vi for en reparation under reklamationsretten.`,
				() =>
					'Ærgerligt! Lækager og lunken kaffe skyldes oftest kalk. Kør venligst afkalkningsprogrammet (Menu → Pleje → Afkalkning) med et rigtigt afkalkningsmiddel, og lad mig høre, hvordan det går. Hvis det ikke hjælper, så send mig serienummeret fra mærkaten under drypbakken, så kigger vi på en reparation under reklamationsretten.',
			],
			resolutions: [
				(v) =>
					`Tak, fordi du har prøvet det hele. Da maskinen er dækket af reklamationsretten, får du en ny. Jeg har booket en afhentning hos ${v.carrier} – chaufføren har den nye maskine med og tager den gamle med retur. Tøm venligst vandbeholderen og drypbakken inden.`,
				() => 'Dejligt, at afkalkningen hjalp! Med hårdt vand anbefaler vi at afkalke hver 4.-6. uge.',
			],
		},
		headphones: {
			subjects: [
				(v) => `${v.product} vil ikke forbinde`,
				() => 'Venstre høretelefon falder ud',
				() => 'Støjreduktionen virker ikke længere',
			],
			openings: [
				(v) =>
					`Mine ${v.product} vil ikke længere parre med min telefon. Det virkede fint indtil i går. Jeg har genstartet telefonen og slået Bluetooth fra og til. iPhone 14, nyeste iOS.`,
				(v) =>
					`Den venstre høretelefon falder ud med få minutters mellemrum, mens den højre virker fint. Jeg har haft dem i ${v.months} måneder.`,
			],
			followUps: [
				() => 'Jeg har lavet nulstillingen, men nu kan jeg slet ikke se dem i Bluetooth.',
				() => 'Har opdateret firmwaren via appen, og det ser bedre ud nu. Jeg holder øje med det.',
			],
			replies: [
				(v) =>
					`Tak for de gode oplysninger. Prøv venligst en fuld nulstilling:\n\n1. Læg begge høretelefoner i etuiet, og lad låget stå åbent\n2. Hold knappen på etuiet inde i 15 sekunder, til lyset blinker hvidt\n3. Slet "${v.product}" fra telefonens Bluetooth-liste, og par dem igen\n\nTjek også, at firmwaren er opdateret til 2.1.4 i Nordlys Sound-appen – den opdatering retter udfald i venstre side.`,
			],
			resolutions: [
				() =>
					'Da hverken nulstilling eller opdatering hjalp, er der tale om en hardwarefejl, så du får et nyt par under reklamationsretten. Jeg har vedhæftet en betalt returlabel – send de gamle retur i etuiet, så sender vi de nye, så snart pakken er scannet.',
				() => 'Dejligt at høre, at de virker igen! Jeg lukker sagen, men svar bare her, hvis udfaldene kommer tilbage.',
			],
		},
		router: {
			subjects: [
				() => 'WiFi falder ud hele tiden',
				(v) => `Opsætning af ${v.product} fejler`,
				() => 'Langsomt internet efter mesh-installation',
			],
			openings: [
				(v) =>
					`Efter vi har sat ${v.product} op, falder vores WiFi ud flere gange om dagen i et minut eller to. Alle tre enheder lyser hvidt. Internetudbyderen siger, at linjen er i orden. Har I et bud?`,
				(v) =>
					`Jeg kan ikke gennemføre opsætningen af ${v.product}. Appen står og søger efter routeren og giver så timeout. Jeg har prøvet tre gange.`,
			],
			followUps: [
				(v) => `Her er diagnosekoden fra appen: ${v.diag}.`,
				() =>
					'Har flyttet satellitten tættere på som foreslået – det er bedre, men enheden på første sal lyser stadig orange.',
			],
			replies: [
				() =>
					'Tak, fordi du skriver. Vil du køre en diagnose fra appen (Indstillinger → Support → Send diagnose) og svare med den kode, du får? Indtil da kan du prøve at placere satellitterne højst to rum fra hinanden og væk fra mikroovn og babyalarm.',
			],
			resolutions: [
				() =>
					'Diagnosen viser kraftig interferens på kanal 11. Jeg har fjernstyret dit system over på kanal 1 og opdateret firmwaren til 3.4.2. Det burde køre meget mere stabilt nu – sig til, hvis det stadig falder ud om et par dage.',
				() =>
					'Hovedenheden har en defekt netværksport, så jeg sender en ny i dag. Du kan bruge den gamle, indtil den nye kommer.',
			],
		},
		'app-login': {
			subjects: [
				() => 'Kan ikke logge ind i appen',
				() => 'Login virker ikke efter opdatering',
				() => 'Nordlys Home-appen: "Noget gik galt"',
			],
			openings: [
				() =>
					'Siden i morges har jeg ikke kunnet logge ind i Nordlys Home-appen. Der står bare "Noget gik galt, prøv igen senere". Jeg har geninstalleret den to gange. Jeg bruger den til timeren på kaffemaskinen.',
				() =>
					'Efter den seneste opdatering af appen snurrer login-siden bare i det uendelige. Både på min og min kærestes telefon. Er der problemer hos jer?',
			],
			followUps: [
				() => 'Virker stadig ikke her til aften.',
				() => 'Noget nyt? "Nulstil adgangskode" virker heller ikke – der kommer ingen mail.',
			],
			replies: [
				() =>
					'Tak, fordi du giver besked, og undskyld besværet. Vi oplever i øjeblikket problemer med login i Nordlys Home-appen for en del kunder, og vores udviklere arbejder på en løsning. Du behøver ikke geninstallere appen eller nulstille din adgangskode – vi skriver til dig her, så snart det er løst.',
			],
			resolutions: [
				() =>
					'Login-fejlen blev rettet i dag kl. 14.20. Luk appen helt, og åbn den igen – så burde du kunne logge ind som normalt. Undskyld ulejligheden!',
			],
		},
		complaint: {
			subjects: [() => 'Meget skuffet over jeres service', () => 'Klage over chaufføren', () => 'Dårlig oplevelse'],
			openings: [
				(v) =>
					`Jeg vil gerne klage. Jeg har nu ringet til jeres kundeservice tre gange om ordre ${v.order}, og hver gang bliver jeg lovet, at nogen ringer tilbage, men det sker aldrig. Det er simpelthen ikke i orden.`,
				(v) =>
					`Jeres chauffør stillede min pakke udenfor i regnvejr, selvom jeg var hjemme. Kassen var gennemblødt. Ordre ${v.order}. Det er jeg ikke tilfreds med.`,
			],
			followUps: [
				() => 'Tak for undskyldningen, men jeg vil stadig gerne vide, hvad I gør for, at det ikke sker igen.',
				() => 'Et gavekort er fint, men jeg vil bare have den vare, jeg har betalt for.',
			],
			replies: [
				() =>
					'Det er jeg virkelig ked af – du skulle ikke have været nødt til at rykke os sådan. Jeg har undersøgt sagen, og den er blevet sendt rundt mellem flere afdelinger, uden at nogen har taget ansvar. Nu er det mig, der har din sag, og du hører fra mig senest i morgen.',
				(v) =>
					`Det er jeg virkelig ked af – sådan skal din pakke ikke behandles. Jeg har klaget over leveringen til ${v.carrier} og bedt dem tage det op med chaufføren. Er der noget i pakken, der er blevet beskadiget? I så fald sender vi en ny med det samme.`,
			],
			resolutions: [
				(v) =>
					`Tak for din tålmodighed. Jeg har talt med ${v.carrier} om leveringen, og de har taget det op med chaufføren. Som en undskyldning har jeg refunderet fragten og lagt et gavekort på ${v.voucher} på din konto.`,
				(v) =>
					`Jeg har gennemgået ordre ${v.order}, og nu er alt på vej – trackingnummer ${v.tracking}. Som en undskyldning har jeg lagt et gavekort på ${v.voucher} på din konto, og jeg har givet din feedback videre til vores teamleder, så lovede opringninger rent faktisk bliver til noget.`,
			],
		},
		'pre-sales': {
			subjects: [(v) => `Spørgsmål om ${v.product}`, (v) => `Har I ${v.product} på lager?`, () => 'Inden jeg køber…'],
			openings: [
				(v) => `Jeg overvejer at købe ${v.item}. Hvor lang garanti er der, og hvor hurtigt kan I levere til ${v.city}?`,
				(v) => `Kommer ${v.product} snart på lager igen? Der har stået "kommer snart" på hjemmesiden i flere uger.`,
				(v) => `Kan man betale med MobilePay eller dele betalingen op? Jeg overvejer ${v.item}.`,
			],
			followUps: [() => 'Tak! Kan jeg få en reserveret?', () => 'Super, så bestiller jeg i dag.'],
			replies: [
				(v) =>
					`Tak for din interesse! Der er 2 års reklamationsret, og vi leverer normalt til ${v.city} på 1-3 hverdage. Vi har varen på lager, så bestiller du i dag, bliver den sendt i morgen.`,
				() =>
					'Vi forventer at have den på lager igen i næste uge. Skal jeg tilmelde dig en lageradvisering, så du får en mail, så snart du kan bestille?',
				() =>
					'Ja – du kan betale med MobilePay, kort eller Klarna. Med Klarna kan du dele betalingen over 3 måneder uden renter; du vælger det bare i kassen.',
			],
			resolutions: [
				(v) =>
					`Vi forventer at få ${v.product} på lager igen i næste uge. Jeg har tilmeldt dig en lageradvisering, så du får en mail, så snart du kan bestille.`,
				() =>
					'Ja, du kan betale med MobilePay, kort eller Klarna – med Klarna kan du dele betalingen over 3 måneder uden renter.',
				() =>
					'Dejligt – tak, fordi du handler hos os! Hvis du har spørgsmål, når varen er kommet, så svar bare på denne besked.',
			],
		},
		'review-negative': {
			subjects: [
				(v) => `Ny anmeldelse (1★) fra ${v.first} ${v.last.slice(0, 1)}.`,
				() => 'Trustpilot-anmeldelse: 2 stjerner',
			],
			openings: [
				(v) =>
					`Bestilte ${v.item}, som kom to uger for sent, og ingen svarede på mine mails. Da pakken endelig kom, var kassen smadret. Jeg handler her ikke igen.`,
				() =>
					'Kundeservice er en joke. Ventede 9 dage på svar om en refundering. Selve produktet er fint nok, men servicen ødelægger det hele.',
			],
			followUps: [() => 'Jeg har sendt ordrenummeret på mail nu.'],
			replies: [
				(v) =>
					`Hej ${v.first}. Tak, fordi du tog dig tid til at skrive, og undskyld, at vi ikke levede op til dine forventninger. Sådan skal ingen opleve os. Vil du sende dit ordrenummer til hej@nordlyshome.dk, mærket "att. ${v.agent}"? Så sørger jeg personligt for, at det bliver løst.`,
			],
			resolutions: [
				(v) =>
					`Tak, fordi du vendte tilbage, ${v.first}. Vi har nu refunderet din fragt, og jeg håber, vi får chancen for at gøre det bedre næste gang.`,
			],
		},
		'review-positive': {
			subjects: [(v) => `Ny anmeldelse (5★) fra ${v.first}`, () => 'Trustpilot-anmeldelse: 5 stjerner'],
			openings: [
				(v) =>
					`Lynhurtig levering, og ${v.product} er endnu bedre end forventet. Nem returnering også. Kan klart anbefales!`,
				() =>
					'Havde et problem med min ordre, og kundeservice løste det på under en dag. Søde og hjælpsomme. 5 stjerner herfra.',
			],
			followUps: [() => 'Tak for svaret!'],
			replies: [
				(v) =>
					`Tusind tak for den flotte anmeldelse, ${v.first}! Hvor er det dejligt at høre, at du er glad for din ${v.product}.`,
			],
			resolutions: [() => 'Tak igen for de søde ord – vi sender dem videre til hele teamet!'],
		},
		b2b: {
			subjects: [
				(v) => `Tilbud på ${v.qty} stk. ${v.product}`,
				() => 'Erhvervsordre – mængderabat?',
				() => 'Udstyr til kontorkøkken',
			],
			openings: [
				(v) =>
					`Vi er ved at indrette nye kontorkøkkener hos ${v.company} og vil gerne have et tilbud på ${v.qty} stk. ${v.product} leveret til vores kontor i ${v.city}. Giver I mængderabat, og kan vi betale på faktura (netto 30 dage)?`,
			],
			followUps: [
				() => 'Tak. Kan installation komme med, eller er det ikke noget, I tilbyder?',
				() => 'Vores CVR-nummer er 38 41 27 95. I må gerne gå videre.',
			],
			replies: [
				(v) =>
					`Tak for din forespørgsel! Ved ${v.qty} stk. kan vi give 12 % rabat på listeprisen og betaling på faktura med 30 dages kredit. Jeg har vedhæftet et tilbud, der gælder i 30 dage. Vil du bekræfte leveringsadressen og jeres CVR-nummer?`,
			],
			resolutions: [
				() =>
					'Ordren er bekræftet, og levering er booket til næste tirsdag mellem kl. 8 og 12. Fakturaen bliver sendt til jeres bogholderi på mail.',
			],
		},
		warranty: {
			subjects: [
				(v) => `${v.product} virker ikke længere`,
				() => 'Reklamation',
				(v) => `Defekt efter ${v.months} måneder`,
			],
			openings: [
				(v) =>
					`Min ${v.product} er gået helt i stå efter ${v.months} måneder. Ingen lys, ingenting. Jeg har prøvet andre stikkontakter. Den er købt hos jer – ordre ${v.order}. Er det dækket af reklamationsretten?`,
				(v) =>
					`Min ${v.product} er begyndt at lave en høj skrattende lyd og lugter brændt. Jeg er stoppet med at bruge den. Den er ${v.months} måneder gammel.`,
			],
			followUps: [
				() => 'Kvittering vedhæftet. Skal den sendes i den originale kasse? Den har jeg ikke længere.',
				() => 'Okay, hvornår kommer fragtmanden?',
			],
			replies: [
				() =>
					'Det var ærgerligt! Ja, det er dækket af reklamationsretten på 2 år. Send mig et billede af typeskiltet (i bunden), så registrerer jeg sagen. Du behøver ikke den originale kasse – en solid papkasse er fin.',
			],
			resolutions: [
				(v) =>
					`Reklamationen er godkendt. ${v.carrier} henter den defekte ${v.product} den ${v.deliveryDate}, og vi sender en ny, så snart den er scannet. Dit sagsnummer er ${v.rma}.`,
			],
		},
		cancel: {
			subjects: [
				(v) => `Annuller ordre ${v.order}`,
				() => 'Ændring af leveringsadresse',
				() => 'Annuller venligst min ordre',
			],
			openings: [
				(v) => `Jeg er kommet til at bestille to gange – vil I annullere ordre ${v.order}? Jeg skal kun bruge én.`,
				(v) =>
					`Kan jeg nå at ændre leveringsadressen på ordre ${v.order}? Jeg har lige opdaget, at jeg har skrevet min gamle adresse.`,
			],
			followUps: [
				() => 'Ja, det er rigtigt. Og pengene kommer automatisk retur?',
				(v) => `Den nye adresse er Skovvej 12, 2. th., ${v.city}.`,
			],
			replies: [
				() =>
					'Det kan jeg sagtens hjælpe med. Vil du bekræfte den fulde nye adresse inkl. postnummer? Ordren skal efter planen pakkes i eftermiddag, så jo før jo bedre.',
				(v) =>
					`Jeg kan se, at ordre ${v.order} ikke er pakket endnu, så jeg kan godt annullere den. Bare for at være sikker: Det er ${v.order}, der skal annulleres, og den anden ordre beholder du?`,
			],
			resolutions: [
				(v) =>
					`Din ordre ${v.order} er annulleret, og hele beløbet på ${v.amount} er refunderet. Pengene står på din konto inden for 3-5 bankdage.`,
				(v) =>
					`Jeg har ændret leveringsadressen på ordre ${v.order}. Du får en ny mail med sporing, når pakken er sendt.`,
			],
		},
	},
};
