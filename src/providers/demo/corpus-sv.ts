import {groupThousands, type LanguagePack, localPrice} from './corpus.js';

/** Swedish customers. */
export const swedish: LanguagePack = {
	lang: 'sv',
	locales: ['sv-SE', 'sv', 'sv-SE'],
	firstNames: [
		'Anna',
		'Erik',
		'Karin',
		'Johan',
		'Maria',
		'Per',
		'Emma',
		'Oskar',
		'Sara',
		'Mikael',
		'Elin',
		'Fredrik',
		'Linnea',
		'Gustav',
		'Ingrid',
		'Lars',
		'Malin',
		'Viktor',
		'Hanna',
		'Björn',
	],
	lastNames: [
		'Andersson',
		'Johansson',
		'Karlsson',
		'Nilsson',
		'Eriksson',
		'Larsson',
		'Olsson',
		'Persson',
		'Svensson',
		'Gustafsson',
		'Lindberg',
		'Lindqvist',
		'Bergström',
		'Holm',
		'Sjöberg',
		'Åberg',
	],
	emailDomains: ['gmail.com', 'hotmail.se', 'telia.com', 'live.se', 'outlook.com', 'bredband.net'],
	cities: [
		'Stockholm',
		'Göteborg',
		'Malmö',
		'Uppsala',
		'Västerås',
		'Örebro',
		'Linköping',
		'Helsingborg',
		'Jönköping',
		'Norrköping',
		'Lund',
		'Umeå',
	],
	carriers: ['PostNord', 'DHL', 'Budbee', 'Instabox'],
	companies: [
		'Bergström Fastigheter AB',
		'Café Kanel & Co',
		'Lindqvist Redovisning AB',
		'Södermalms Tandvård AB',
		'Norrlands Kontorshotell AB',
	],
	phone: {prefix: '+46', pattern: '7#-### ## ##'},
	shopHost: 'nordlyshome.se',
	formatMoney: (eur) => `${groupThousands(localPrice(eur, 11.4), ' ')} kr`,
	voucher: '150 kr',
	months: [
		'januari',
		'februari',
		'mars',
		'april',
		'maj',
		'juni',
		'juli',
		'augusti',
		'september',
		'oktober',
		'november',
		'december',
	],
	formatDate: (day, month) => `${day} ${month}`,
	item: {
		espresso: (m) => `en ${m} espressomaskin`,
		kettle: (m) => `en ${m} vattenkokare`,
		headphones: (m) => `ett par ${m}-hörlurar`,
		router: (m) => `ett ${m} mesh-system`,
		airfryer: (m) => `en ${m} airfryer`,
		blender: (m) => `en ${m} blender`,
		vacuum: (m) => `en ${m} robotdammsugare`,
		knives: (m) => `ett ${m} knivset`,
		pan: (m) => `en ${m} gjutjärnspanna`,
		soundbar: (m) => `en ${m} soundbar`,
		mixer: (m) => `en ${m} köksmaskin`,
		toaster: (m) => `en ${m} brödrost`,
	},
	customerGreetings: ['Hej!', 'Hej,', 'Hejsan!', 'Hej Nordlys Home,', 'Hallå,', ''],
	customerSignoffs: [
		(v) => `Mvh\n${v.first}`,
		(v) => `Med vänliga hälsningar\n${v.first} ${v.last}`,
		(v) => `Vänliga hälsningar\n${v.first}`,
		(v) => `Tack på förhand!\n/${v.first}`,
		(v) => `Hälsningar ${v.first}`,
	],
	agentGreetings: [(v) => `Hej ${v.first}!`, (v) => `Hej ${v.first},`, (v) => `Hejsan ${v.first}!`],
	agentClosings: [
		(v) => `Med vänliga hälsningar\n${v.agent}\nNordlys Home Kundtjänst`,
		(v) => `Vänliga hälsningar\n${v.agent}\nNordlys Home`,
		(v) => `Ha en fin dag!\n\n${v.agent}\nNordlys Home Kundtjänst`,
	],
	agentClosingShort: (v) => `Mvh ${v.agent}`,
	chasers: [
		(v) => `Jag har fortfarande inte fått något svar angående order ${v.order}. Kan någon återkomma?`,
		() => 'Hej igen, finns det något nytt? Det har gått några dagar nu.',
		() => 'Har ni sett mitt mejl? Väntar fortfarande på svar.',
		() => 'Nu har jag mejlat två gånger utan att få svar. Läser ni era mejl överhuvudtaget?',
	],
	thanks: [
		() => 'Toppen, tack så mycket för hjälpen!',
		(v) => `Perfekt, precis vad jag behövde. Tack ${v.agent}!`,
		() => 'Nu har den kommit. Tack för snabb hjälp!',
		() => 'Tack – det uppskattar jag verkligen.',
	],
	reopens: [
		() => 'Förlåt att jag hör av mig igen, men problemet är tyvärr tillbaka sedan igår.',
		() => 'Hej igen. Det löste sig tyvärr inte ändå – samma fel som tidigare.',
		() => 'Det har fortfarande inte hänt något hos mig. Kan ni kolla igen?',
	],
	autoReply:
		'Tack för att du kontaktar Nordlys Home! Det här är en automatisk bekräftelse på att vi har tagit emot ditt meddelande.\n\nVi svarar normalt inom en arbetsdag. Skicka inte ditt ärende igen, eftersom det kan fördröja vårt svar.\n\nNordlys Home Kundtjänst',
	csatGood: [
		'Snabbt och trevligt bemötande. Tack!',
		'Löst på första svaret – toppenservice.',
		'Mycket hjälpsam och tydlig.',
		'Smidigt, pengarna var tillbaka dagen efter.',
		'Riktigt bra upplevelse, handlar gärna igen.',
	],
	csatBad: [
		'Det tog alldeles för lång tid att få svar.',
		'Fick förklara samma sak tre gånger.',
		'Har fortfarande inte fått tillbaka mina pengar.',
		'Svaret hjälpte inte alls.',
		'Standardsvar – ingen hade läst mitt mejl ordentligt.',
	],
	orderTable: {
		title: 'Din order:',
		item: 'Vara',
		qty: 'Antal',
		price: 'Pris',
		shipping: 'Frakt',
		total: 'Totalt',
		free: 'Gratis',
	},
	attachmentNames: {
		receipt: (order) => `kvitto-${order}.pdf`,
		invoice: (order) => `faktura-${order}.pdf`,
		returnLabel: (rma) => `returetikett-${rma}.pdf`,
		quote: (order) => `offert-O${order}.pdf`,
	},
	scenarios: {
		'order-status': {
			subjects: [
				(v) => `Var är min order ${v.order}?`,
				(v) => `Order ${v.order} – inget leveransbesked`,
				() => 'Status på min beställning?',
			],
			openings: [
				(v) =>
					`Jag beställde ${v.item} den ${v.orderDate} (order ${v.order}) men har fortfarande inte fått något mejl om att den har skickats. På hemsidan står det bara "behandlas". Kan ni säga när den skickas?`,
				(v) =>
					`Kan ni kolla var min beställning är? Ordernummer ${v.order}, beställd den ${v.orderDate}. Jag behöver den innan helgen eftersom det är en present.`,
			],
			followUps: [
				() => 'Tack. Men spårningslänken säger bara "etikett skapad" – det har inte hänt något på två dagar.',
				() => 'Okej, men det stod 2–4 arbetsdagar när jag beställde. Kan ni inte skicka den express?',
			],
			replies: [
				(v) =>
					`Tack för ditt tålamod. Din order ${v.order} packades igår och lämnades till ${v.carrier} i morse. Du kan följa paketet här: [spåra ditt paket](https://track.demo.csr/${v.tracking})\n\nSpårningen brukar uppdateras inom 24 timmar.`,
				(v) =>
					`Jag har tittat på order ${v.order}: varan var tillfälligt slut i vårt lager, och därför har den inte skickats än. Ny leverans kommer i morgon och din order ligger först i kön – du får ett mejl så fort den har skickats.`,
			],
			resolutions: [
				(v) =>
					`Goda nyheter – ${v.carrier} bekräftar att paketet finns på ditt lokala utlämningsställe och levereras i morgon. Spårningsnummer: ${v.tracking}.\n\nFörlåt för väntan, och hoppas att du blir nöjd med varan!`,
				(v) =>
					`Din order har nu skickats med ${v.carrier} (spårningsnummer ${v.tracking}) och bör vara hos dig inom 1–2 arbetsdagar. Eftersom det tog längre tid än utlovat har jag återbetalat fraktkostnaden.`,
			],
		},
		'delivery-delay': {
			subjects: [
				(v) => `Paketet har fastnat – order ${v.order}`,
				() => 'Paketet har inte kommit',
				(v) => `Väntar fortfarande på leverans (${v.order})`,
			],
			openings: [
				(v) =>
					`Min order ${v.order} skulle ha levererats den ${v.deliveryDate} men har fortfarande inte kommit. Spårningen hos ${v.carrier} (${v.tracking}) har inte ändrats på fyra dagar. Vad händer?`,
				(v) =>
					`Enligt spårningen levererades mitt paket igår, men här finns ingenting – varken vid dörren eller hos grannarna. Order ${v.order}. Snälla hjälp!`,
			],
			followUps: [
				() =>
					'Jag har frågat grannarna och fastighetsskötaren igen – ingenting. Jag vill antingen ha ett nytt paket skickat eller pengarna tillbaka.',
				() => 'Fortfarande inget idag. Det skulle ha varit en födelsedagspresent, så jag är rätt besviken.',
			],
			replies: [
				(v) =>
					`Jag beklagar att ditt paket är försenat. Jag har startat en efterforskning hos ${v.carrier} på spårningsnummer ${v.tracking}. De svarar normalt inom 2–3 arbetsdagar, och jag återkommer så fort jag hör något.\n\nKan du under tiden bekräfta din leveransadress, så att jag kan utesluta ett skrivfel?`,
				(v) =>
					`Tack för att du hör av dig. Förarens GPS-skanning visar att paketet lämnades i närheten av ${v.city}, vilket inte stämmer med din adress. Jag har gjort en reklamation hos ${v.carrier} och bett dem ta reda på var paketet lämnades.`,
			],
			resolutions: [
				(v) =>
					`${v.carrier} har bekräftat att paketet har kommit bort, så jag har skickat ett nytt idag med express – nytt spårningsnummer ${v.tracking}. Om det första paketet ändå dyker upp kan du bara vägra ta emot det eller höra av dig till oss.`,
				(v) =>
					`Paketet har dykt upp på ${v.carrier}s terminal – det hade sorterats fel. Det är nu på väg och levereras i morgon. Jag har lagt in ett presentkort på ${v.voucher} på ditt konto som kompensation för besväret.`,
			],
		},
		damaged: {
			subjects: [
				() => 'Varan kom trasig',
				(v) => `Skadad vid leverans – order ${v.order}`,
				(v) => `${v.product} kom skadad`,
			],
			openings: [
				(v) =>
					`Min ${v.product} kom idag och kartongen var intryckt i ena hörnet. När jag packade upp den var glasdelen sprucken. Bifogar bilder. Order ${v.order}.`,
				(v) =>
					`Tyvärr har jag fått en skadad ${v.product} – det är en stor buckla på sidan och det skramlar när man lyfter den. Jag har inte använt den. Bilder bifogade. Vad gör jag nu?`,
			],
			followUps: [
				() => 'Tack – behöver jag spara kartongen till fraktbolaget?',
				() => 'Jag vill helst ha en ny i stället för pengarna tillbaka, om det går.',
			],
			replies: [
				() =>
					'Vad tråkigt att den kom fram i det skicket, och tack för bilderna – de visar tydligt skadan. Vill du helst ha en ny eller få hela beloppet återbetalat? När du har svarat ordnar jag det direkt, och du behöver inte skicka tillbaka den skadade.',
				(v) =>
					`Det beklagar jag! För att skicka en ny behöver jag en bild till: etiketten på ytterkartongen, så att vi kan anmäla skadan till ${v.carrier}. Spara gärna förpackningen tills ärendet är avslutat.`,
			],
			resolutions: [
				(v) =>
					`Jag har skickat en ny ${v.product} till dig idag (order ${v.order}-R, spårningsnummer ${v.tracking}). Den skadade kan du lämna på återvinningen – du behöver inte skicka tillbaka den.`,
				(v) =>
					`Jag har återbetalat ${v.amount} till ditt betalkort. Beloppet brukar synas på kontot inom 3–5 bankdagar.`,
			],
		},
		return: {
			subjects: [(v) => `Retur – order ${v.order}`, () => 'Jag vill returnera en vara', () => 'Hur returnerar jag?'],
			openings: [
				(v) =>
					`Jag vill returnera ${v.item} från order ${v.order}. Förpackningen är inte ens öppnad – vi har helt enkelt inte plats i köket. Hur gör jag?`,
				(v) =>
					`Jag vill skicka tillbaka min order ${v.order} eftersom jag har ångrat köpet. Kan ni skicka en returetikett?`,
			],
			followUps: [
				() => 'Tack. Är returen gratis, eller drar ni av frakten?',
				(v) => `Jag har lämnat paketet hos ${v.carrier}-ombudet idag.`,
			],
			replies: [
				(v) =>
					`Självklart – du har 30 dagars öppet köp. Så här gör du:\n\n1. Logga in på [returportalen](https://nordlyshome.se/retur) med ditt ordernummer ${v.order}\n2. Välj vara och orsak\n3. Skriv ut etiketten och lämna paketet hos valfritt ${v.carrier}-ombud\n\nDitt returnummer är ${v.rma}. Vi återbetalar senast 5 arbetsdagar efter att vi har tagit emot paketet.`,
			],
			resolutions: [
				(v) =>
					`Vi har tagit emot din retur ${v.rma} och återbetalningen på ${v.amount} har gjorts idag. Det kan ta 3–5 bankdagar innan beloppet syns på ditt konto.`,
				(v) =>
					`Returetiketten är bifogad. Packa varan ordentligt, gärna i originalkartongen, och lämna den hos ${v.carrier} inom 14 dagar.`,
			],
		},
		exchange: {
			subjects: [
				() => 'Fel färg levererad',
				(v) => `Byte – order ${v.order}`,
				() => 'Kan jag byta till en större storlek?',
			],
			openings: [
				(v) => `Jag beställde ${v.item} i svart men fick den vita varianten. Order ${v.order}. Kan jag byta?`,
				(v) =>
					`${v.product} är jättefin, men den är för liten för oss. Kan jag byta till den större modellen och betala mellanskillnaden?`,
			],
			followUps: [
				() => 'Toppen. Ska jag vänta med att skicka tillbaka den gamla tills den nya har kommit?',
				() => 'Ja tack, den svarta. Tack!',
			],
			replies: [
				() =>
					'Förlåt för förväxlingen! Självklart kan du byta. Den svarta varianten finns i lager, så jag skickar den så fort du bekräftar. Jag har bifogat en kostnadsfri returetikett för den du fick.',
				() =>
					'Självklart! Den större modellen finns i lager. Jag skickar den så fort du bekräftar, och du betalar bara mellanskillnaden. Jag har bifogat en kostnadsfri returetikett för den du har nu.',
			],
			resolutions: [
				(v) =>
					`Jag har skickat rätt vara idag med ${v.carrier} (spårningsnummer ${v.tracking}). Skicka tillbaka den andra med etiketten inom 14 dagar – bytet är förstås kostnadsfritt.`,
			],
		},
		refund: {
			subjects: [
				() => 'Har inte fått min återbetalning',
				(v) => `Väntar fortfarande på återbetalning – ${v.rma}`,
				() => 'Var är mina pengar?',
			],
			openings: [
				(v) =>
					`Jag returnerade ${v.item} (order ${v.order}) för över två veckor sedan, och enligt ${v.carrier} tog ni emot paketet den ${v.deliveryDate}. Jag har fortfarande inte fått tillbaka mina ${v.amount}. När kan jag räkna med dem?`,
				(v) =>
					`Ni lovade återbetalning inom 5 dagar. Nu har det gått 12 dagar och ingenting har hänt. Returnummer ${v.rma}.`,
			],
			followUps: [
				() =>
					'Jag har kollat banken igen idag och det finns ingenting. Kan ni skicka något underlag på att pengarna är utbetalda?',
				() => 'Okej. Vilket kort gick de tillbaka till? Jag har två.',
			],
			replies: [
				() =>
					'Förlåt att det har dragit ut på tiden. Din retur har kommit in till vårt lager, men kvalitetskontrollen var inte klar, och det har försenat återbetalningen. Jag har bett lagret prioritera den idag och hör av mig så fort pengarna är skickade.',
			],
			resolutions: [
				(v) =>
					`Återbetalningen på ${v.amount} gjordes idag till kortet du betalade med. Beroende på din bank kan det ta 3–5 bankdagar innan beloppet syns. På kontoutdraget står det NH-${v.order}.`,
			],
		},
		billing: {
			subjects: [(v) => `Dubbeldragning för order ${v.order}`, () => 'Faktura med moms', () => 'Fråga om betalning'],
			openings: [
				(v) =>
					`Jag har blivit debiterad två gånger för order ${v.order} – det står två dragningar på ${v.amount} på mitt konto. Kan ni återbetala den ena?`,
				(v) =>
					`Kan ni skicka en faktura för order ${v.order} där momsen är specificerad? Jag behöver den till bokföringen. Företagsnamnet är ${v.company}.`,
			],
			followUps: [
				() => 'Den andra dragningen syns fortfarande idag.',
				(v) => `Till företaget, tack – ${v.company}, org.nr 556812-4473. Samma adress som på ordern.`,
			],
			replies: [
				(v) =>
					`Tack för att du hör av dig. Jag har kontrollerat och vi har bara dragit en betalning på ${v.amount}. Den andra är en reservation från ditt första betalningsförsök – det är ingen dragning, och banken släpper den automatiskt inom 3–7 dagar.`,
				() =>
					'Självklart! Ska fakturan ställas ut på dig eller på företaget? Om det är företaget, skicka organisationsnummer och adress så fixar jag den direkt.',
			],
			resolutions: [
				(v) =>
					`Jag har bifogat fakturan för order ${v.order} med specificerad moms. Säg till om du behöver något mer till bokföringen.`,
				(v) =>
					`Vår betalleverantör har bekräftat att den extra dragningen nu är makulerad. Du får tillbaka ${v.amount} på kontot inom några dagar.`,
			],
		},
		'coffee-machine': {
			subjects: [
				(v) => `${v.product} läcker vatten`,
				(v) => `Kaffemaskinen visar fel ${v.error}`,
				() => 'Espressomaskinen blir inte varm',
			],
			openings: [
				(v) =>
					`Min ${v.product} har börjat läcka vatten under maskinen varje gång jag gör kaffe. Den är ungefär ${v.months} månader gammal och jag avkalkar den regelbundet. Kan jag göra något själv, eller är det ett garantiärende?`,
				(v) =>
					`Kaffemaskinen visar fel ${v.error} och bara blinkar. Jag har provat att stänga av och sätta på den och fylla på vattentanken. Modell ${v.product}.`,
				(v) => `Sedan i morse gör min ${v.product} bara ljummet kaffe. Pumpen låter som vanligt. Några idéer?`,
			],
			followUps: [
				() => 'Jag har kört avkalkningsprogrammet som du föreslog, men den läcker fortfarande. Bifogar en video.',
				(v) => `Serienumret står under maskinen: ${v.serial}. Felet kom tillbaka efter två koppar.`,
				() => 'Har kört avkalkningen två gånger och nu är kaffet varmt igen – tack!',
			],
			replies: [
				(v) =>
					`Tråkigt med maskinen! Fel ${v.error} betyder oftast att det har kommit in luft i vattensystemet. Prova så här:\n\n- Ta bort vattentanken och fyll den med färskt vatten\n- Ställ en kopp under ångröret och öppna ångan i 30 sekunder\n- Kör sköljprogrammet två gånger\n\nOm felet kommer tillbaka, skicka mig serienumret (på dekalen under droppbrickan) så ordnar vi en garantireparation.`,
				() =>
					'Tråkigt att höra! Läckage och ljummet kaffe beror oftast på kalk. Kör avkalkningsprogrammet (Meny → Skötsel → Avkalkning) med ett riktigt avkalkningsmedel och hör av dig om hur det gick. Om det inte hjälper, skicka serienumret från dekalen under droppbrickan så tittar vi på en garantireparation.',
			],
			resolutions: [
				(v) =>
					`Tack för att du har provat allt. Eftersom maskinen omfattas av garantin får du en ny. Jag har bokat en hämtning med ${v.carrier} – föraren har med sig den nya maskinen och tar med den gamla. Töm gärna vattentanken och droppbrickan innan.`,
				() =>
					'Vad skönt att avkalkningen hjälpte! Med hårt vatten rekommenderar vi avkalkning var fjärde till sjätte vecka.',
			],
		},
		headphones: {
			subjects: [
				(v) => `${v.product} går inte att ansluta`,
				() => 'Vänster lur fungerar inte',
				() => 'Brusreduceringen har slutat fungera',
			],
			openings: [
				(v) =>
					`Mina ${v.product} vill inte längre parkopplas med telefonen. Det funkade fint fram till igår. Jag har startat om telefonen och slagit av och på Bluetooth. iPhone 14, senaste iOS.`,
				(v) =>
					`Vänster lur tappar ljudet med några minuters mellanrum, medan den högra fungerar som den ska. Jag har haft dem i ${v.months} månader.`,
			],
			followUps: [
				() => 'Jag gjorde återställningen, men nu syns ingen av lurarna i Bluetooth.',
				() => 'Har uppdaterat firmwaren via appen och det verkar bättre nu. Jag håller koll.',
			],
			replies: [
				(v) =>
					`Tack för informationen. Prova en fullständig återställning:\n\n1. Lägg båda lurarna i fodralet och låt locket vara öppet\n2. Håll in knappen på fodralet i 15 sekunder tills lampan blinkar vitt\n3. Ta bort "${v.product}" från telefonens Bluetooth-lista och parkoppla igen\n\nKontrollera också att firmwaren är uppdaterad till 2.1.4 i appen Nordlys Sound – den uppdateringen åtgärdar avbrott i vänster lur.`,
			],
			resolutions: [
				() =>
					'Eftersom varken återställning eller uppdatering hjälpte är det ett hårdvarufel, så du får ett nytt par inom garantin. Jag har bifogat en förbetald returetikett – skicka tillbaka de gamla i fodralet, så skickar vi de nya så fort paketet är skannat.',
				() => 'Vad kul att de fungerar igen! Jag stänger ärendet, men svara bara här om avbrotten kommer tillbaka.',
			],
		},
		router: {
			subjects: [
				() => 'Wifi:t bryts hela tiden',
				(v) => `Installationen av ${v.product} misslyckas`,
				() => 'Långsamt internet efter mesh-installation',
			],
			openings: [
				(v) =>
					`Sedan vi installerade ${v.product} tappar vi wifi flera gånger om dagen i någon minut. Alla tre enheterna lyser vitt. Bredbandsleverantören säger att linjen är okej. Har ni något tips?`,
				(v) =>
					`Jag kan inte slutföra installationen av ${v.product}. Appen fastnar på "Letar efter din router" och får sedan timeout. Har provat tre gånger.`,
			],
			followUps: [
				(v) => `Här är diagnoskoden från appen: ${v.diag}.`,
				() =>
					'Har flyttat satelliten närmare som du föreslog – det är bättre, men enheten på övervåningen lyser fortfarande orange.',
			],
			replies: [
				() =>
					'Tack för att du hör av dig. Kan du köra en diagnos i appen (Inställningar → Support → Skicka diagnos) och svara med koden du får? Under tiden kan du prova att placera satelliterna högst två rum från varandra och en bit från mikrovågsugn och babyvakt.',
			],
			resolutions: [
				() =>
					'Diagnosen visar kraftiga störningar på kanal 11. Jag har flyttat ditt system till kanal 1 på distans och uppdaterat firmwaren till 3.4.2. Det bör vara mycket stabilare nu – hör av dig om det fortfarande bryts om ett par dagar.',
				() =>
					'Huvudenheten har en trasig nätverksport, så jag skickar en ny idag. Du kan använda den gamla tills den nya kommer.',
			],
		},
		'app-login': {
			subjects: [
				() => 'Kan inte logga in i appen',
				() => 'Inloggningen fungerar inte efter uppdatering',
				() => 'Nordlys Home-appen: "Något gick fel"',
			],
			openings: [
				() =>
					'Sedan i morse kan jag inte logga in i Nordlys Home-appen. Det står bara "Något gick fel, försök igen senare". Har installerat om den två gånger. Jag använder den till timern på kaffemaskinen.',
				() =>
					'Efter senaste uppdateringen av appen snurrar inloggningssidan bara. Både på min och min sambos telefon. Är det problem hos er?',
			],
			followUps: [
				() => 'Fungerar fortfarande inte nu i kväll.',
				() => 'Något nytt? "Återställ lösenord" fungerar inte heller – det kommer inget mejl.',
			],
			replies: [
				() =>
					'Tack för att du meddelar oss, och förlåt för besväret. Vi har just nu problem med inloggningen i Nordlys Home-appen för en del kunder, och våra utvecklare arbetar på en lösning. Du behöver inte installera om appen eller byta lösenord – vi hör av oss här så fort det är löst.',
			],
			resolutions: [
				() =>
					'Inloggningsfelet åtgärdades idag kl. 14.20. Stäng appen helt och öppna den igen – då ska du kunna logga in som vanligt. Förlåt för besväret!',
			],
		},
		complaint: {
			subjects: [() => 'Mycket missnöjd med er service', () => 'Klagomål på budet', () => 'Dålig upplevelse'],
			openings: [
				(v) =>
					`Jag vill framföra ett klagomål. Jag har nu ringt er kundtjänst tre gånger om order ${v.order}, och varje gång lovas jag att någon ska ringa tillbaka, men det händer aldrig. Det är inte okej.`,
				(v) =>
					`Ert bud ställde mitt paket utanför dörren i regnet trots att jag var hemma. Kartongen var genomblöt. Order ${v.order}. Jag är inte nöjd.`,
			],
			followUps: [
				() => 'Tack för ursäkten, men jag vill fortfarande veta vad ni gör för att det inte ska hända igen.',
				() => 'Ett presentkort är trevligt, men jag vill bara ha varan jag har betalat för.',
			],
			replies: [
				() =>
					'Det beklagar jag verkligen – du ska inte behöva jaga oss på det här sättet. Jag har tittat på vad som har hänt, och ditt ärende har skickats mellan olika team utan att någon har tagit ansvar. Nu är det jag som har ditt ärende, och du hör från mig senast i morgon.',
				(v) =>
					`Det beklagar jag verkligen – så ska ditt paket inte hanteras. Jag har anmält leveransen till ${v.carrier} och bett dem ta upp det med budet. Har något i paketet skadats? I så fall skickar vi en ersättning direkt.`,
			],
			resolutions: [
				(v) =>
					`Tack för ditt tålamod. Jag har pratat med ${v.carrier} om leveransen och de har tagit upp det med budet. Som en ursäkt har jag återbetalat frakten och lagt in ett presentkort på ${v.voucher} på ditt konto.`,
				(v) =>
					`Jag har gått igenom order ${v.order}, och nu är allt på väg – spårningsnummer ${v.tracking}. Som en ursäkt har jag lagt in ett presentkort på ${v.voucher} på ditt konto, och jag har skickat vidare din feedback till vår teamledare så att utlovade återuppringningar faktiskt blir av.`,
			],
		},
		'pre-sales': {
			subjects: [(v) => `Fråga om ${v.product}`, (v) => `Har ni ${v.product} i lager?`, () => 'Innan jag köper…'],
			openings: [
				(v) =>
					`Jag funderar på att köpa ${v.item}. Hur lång är garantin, och hur snabbt kan ni leverera till ${v.city}?`,
				(v) => `Kommer ${v.product} tillbaka i lager snart? Det har stått "kommer snart" på hemsidan i flera veckor.`,
				(v) => `Går det att betala med Swish eller dela upp betalningen? Funderar på ${v.item}.`,
			],
			followUps: [() => 'Tack! Kan jag få en reserverad?', () => 'Toppen, då beställer jag idag.'],
			replies: [
				(v) =>
					`Tack för ditt intresse! Garantin är 2 år, och vi levererar normalt till ${v.city} inom 1–3 arbetsdagar. Varan finns i lager, så beställer du idag skickas den i morgon.`,
				() =>
					'Den väntas tillbaka i lager nästa vecka. Vill du att jag lägger upp en bevakning, så att du får ett mejl så fort du kan beställa?',
				() =>
					'Ja – du kan betala med Swish, kort eller Klarna. Med Klarna kan du dela upp betalningen på 3 månader utan ränta; du väljer det bara i kassan.',
			],
			resolutions: [
				(v) =>
					`Vi räknar med att få in ${v.product} igen nästa vecka. Jag har lagt upp en bevakning åt dig, så du får ett mejl så fort det går att beställa.`,
				() =>
					'Ja, du kan betala med Swish, kort eller Klarna – med Klarna kan du dela upp betalningen på 3 månader utan ränta.',
				() =>
					'Vad roligt – tack för att du handlar hos oss! Om du har frågor när varan har kommit är det bara att svara på det här meddelandet.',
			],
		},
		'review-negative': {
			subjects: [
				(v) => `Ny recension (1★) från ${v.first} ${v.last.slice(0, 1)}.`,
				() => 'Trustpilot-recension: 2 stjärnor',
			],
			openings: [
				(v) =>
					`Beställde ${v.item} som kom två veckor för sent, och ingen svarade på mina mejl. När paketet väl kom var kartongen sönder. Handlar inte här igen.`,
				() =>
					'Kundtjänsten är ett skämt. Väntade 9 dagar på svar om en återbetalning. Själva produkten är helt okej, men servicen förstör allt.',
			],
			followUps: [() => 'Jag har mejlat ordernumret nu.'],
			replies: [
				(v) =>
					`Hej ${v.first}. Tack för att du tog dig tid att skriva, och förlåt att vi inte levde upp till dina förväntningar. Så ska ingen uppleva oss. Kan du mejla ditt ordernummer till hej@nordlyshome.se, märkt "att. ${v.agent}"? Då ser jag personligen till att det blir löst.`,
			],
			resolutions: [
				(v) =>
					`Tack för att du återkom, ${v.first}. Vi har nu återbetalat din frakt, och jag hoppas att vi får chansen att göra bättre ifrån oss nästa gång.`,
			],
		},
		'review-positive': {
			subjects: [(v) => `Ny recension (5★) från ${v.first}`, () => 'Trustpilot-recension: 5 stjärnor'],
			openings: [
				(v) =>
					`Blixtsnabb leverans och ${v.product} är ännu bättre än jag trodde. Smidig retur också. Rekommenderas varmt!`,
				() =>
					'Hade ett problem med min order och kundtjänst löste det på under en dag. Trevliga och hjälpsamma. 5 stjärnor härifrån.',
			],
			followUps: [() => 'Tack för svaret!'],
			replies: [
				(v) =>
					`Tusen tack för den fina recensionen, ${v.first}! Vad roligt att höra att du är nöjd med din ${v.product}.`,
			],
			resolutions: [() => 'Tack igen för de fina orden – vi skickar dem vidare till hela teamet!'],
		},
		b2b: {
			subjects: [
				(v) => `Offert på ${v.qty} st ${v.product}`,
				() => 'Företagsbeställning – mängdrabatt?',
				() => 'Utrustning till kontorsköket',
			],
			openings: [
				(v) =>
					`Vi håller på att bygga om kontorsköken på ${v.company} och vill gärna ha en offert på ${v.qty} st ${v.product}, levererade till vårt kontor i ${v.city}. Ger ni mängdrabatt, och kan vi betala mot faktura (30 dagar netto)?`,
			],
			followUps: [
				() => 'Tack. Kan installation ingå, eller är det inget ni erbjuder?',
				() => 'Vårt organisationsnummer är 556812-4473. Ni kan gå vidare.',
			],
			replies: [
				(v) =>
					`Tack för din förfrågan! Vid ${v.qty} st kan vi erbjuda 12 % rabatt på listpriset och betalning mot faktura med 30 dagars kredit. Jag har bifogat en offert som gäller i 30 dagar. Kan du bekräfta leveransadressen och ert organisationsnummer?`,
			],
			resolutions: [
				() =>
					'Ordern är bekräftad och leveransen är bokad till nästa tisdag mellan kl. 8 och 12. Fakturan skickas till er ekonomiavdelning via mejl.',
			],
		},
		warranty: {
			subjects: [
				(v) => `${v.product} har slutat fungera`,
				() => 'Garantiärende',
				(v) => `Trasig efter ${v.months} månader`,
			],
			openings: [
				(v) =>
					`Min ${v.product} har helt slutat fungera efter ${v.months} månader. Inga lampor, ingenting. Har provat andra uttag. Den är köpt hos er – order ${v.order}. Täcks det av garantin?`,
				(v) =>
					`Min ${v.product} har börjat låta högt och skrapigt och luktar bränt. Jag har slutat använda den. Den är ${v.months} månader gammal.`,
			],
			followUps: [
				() => 'Kvittot bifogat. Måste den skickas i originalkartongen? Den har jag inte kvar.',
				() => 'Okej, när kommer budet?',
			],
			replies: [
				() =>
					'Vad tråkigt! Ja, det täcks av vår garanti på 2 år. Skicka en bild på typskylten (under produkten) så registrerar jag ärendet. Du behöver inte originalkartongen – en stadig kartong går bra.',
			],
			resolutions: [
				(v) =>
					`Garantiärendet är godkänt. ${v.carrier} hämtar den trasiga ${v.product} den ${v.deliveryDate}, och vi skickar en ny så fort den är skannad. Ditt ärendenummer är ${v.rma}.`,
			],
		},
		cancel: {
			subjects: [
				(v) => `Avbeställ order ${v.order}`,
				() => 'Ändra leveransadress',
				() => 'Vänligen avbryt min beställning',
			],
			openings: [
				(v) => `Jag råkade beställa två gånger – kan ni avbeställa order ${v.order}? Jag behöver bara en.`,
				(v) =>
					`Hinner jag ändra leveransadressen på order ${v.order}? Upptäckte precis att jag har skrivit min gamla adress.`,
			],
			followUps: [
				() => 'Ja, det stämmer. Och pengarna kommer tillbaka automatiskt?',
				(v) => `Den nya adressen är Storgatan 14, lgh 1102, ${v.city}.`,
			],
			replies: [
				() =>
					'Det hjälper jag gärna till med. Kan du bekräfta den fullständiga nya adressen inklusive postnummer? Ordern ska enligt planen packas i eftermiddag, så ju förr desto bättre.',
				(v) =>
					`Jag ser att order ${v.order} inte har packats än, så jag kan avbeställa den. Bara för att vara säker: det är ${v.order} som ska avbeställas, och den andra ordern behåller du?`,
			],
			resolutions: [
				(v) =>
					`Din order ${v.order} är avbeställd och hela beloppet på ${v.amount} har återbetalats. Pengarna syns på ditt konto inom 3–5 bankdagar.`,
				(v) =>
					`Jag har ändrat leveransadressen på order ${v.order}. Du får ett nytt mejl med spårning när paketet har skickats.`,
			],
		},
	},
};
