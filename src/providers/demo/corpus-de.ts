import {groupThousands, type LanguagePack} from './corpus.js';

function euros(eur: number): string {
	const value = Math.max(1, Math.round(eur)) - 0.01;
	const [whole = '0', cents = '00'] = value.toFixed(2).split('.');
	return `${groupThousands(Number(whole), '.')},${cents} €`;
}

/**
 * German customers. Agents write formally (Sie); the generator lower-cases the first word after a greeting that
 * ends in a comma ("Hallo Anna Weber,\n\nvielen Dank …"), as German letters do.
 */
export const german: LanguagePack = {
	lang: 'de',
	locales: ['de-DE', 'de', 'de-DE', 'de-AT'],
	firstNames: [
		'Lukas',
		'Anna',
		'Julia',
		'Thomas',
		'Katharina',
		'Stefan',
		'Sabine',
		'Jonas',
		'Lena',
		'Michael',
		'Sandra',
		'Felix',
		'Laura',
		'Matthias',
		'Claudia',
		'Tobias',
		'Jürgen',
		'Birgit',
		'Niklas',
		'Franziska',
	],
	lastNames: [
		'Müller',
		'Schmidt',
		'Schneider',
		'Fischer',
		'Weber',
		'Meyer',
		'Wagner',
		'Becker',
		'Hoffmann',
		'Schulz',
		'Koch',
		'Richter',
		'Wolf',
		'Neumann',
		'Schröder',
		'Krüger',
	],
	emailDomains: ['gmail.com', 'web.de', 'gmx.de', 't-online.de', 'outlook.de', 'posteo.de'],
	cities: [
		'Hamburg',
		'Berlin',
		'München',
		'Köln',
		'Frankfurt am Main',
		'Bremen',
		'Hannover',
		'Leipzig',
		'Kiel',
		'Düsseldorf',
		'Stuttgart',
		'Lübeck',
	],
	carriers: ['DHL', 'Hermes', 'DPD', 'GLS'],
	companies: [
		'Weber & Söhne GmbH',
		'Praxis Dr. Hoffmann',
		'Kanzlei Schulz & Partner',
		'Café Morgenrot GmbH',
		'Nordlicht Coworking GmbH',
	],
	phone: {prefix: '+49', pattern: '1## #######'},
	shopHost: 'nordlyshome.de',
	formatMoney: euros,
	voucher: '15 €',
	months: [
		'Januar',
		'Februar',
		'März',
		'April',
		'Mai',
		'Juni',
		'Juli',
		'August',
		'September',
		'Oktober',
		'November',
		'Dezember',
	],
	formatDate: (day, month) => `${day}. ${month}`,
	item: {
		espresso: (m) => `eine Espressomaschine (${m})`,
		kettle: (m) => `einen Wasserkocher (${m})`,
		headphones: (m) => `Kopfhörer (${m})`,
		router: (m) => `ein Mesh-WLAN-System (${m})`,
		airfryer: (m) => `eine Heißluftfritteuse (${m})`,
		blender: (m) => `einen Standmixer (${m})`,
		vacuum: (m) => `einen Saugroboter (${m})`,
		knives: (m) => `ein Messerset (${m})`,
		pan: (m) => `eine Gusseisenpfanne (${m})`,
		soundbar: (m) => `eine Soundbar (${m})`,
		mixer: (m) => `eine Küchenmaschine (${m})`,
		toaster: (m) => `einen Toaster (${m})`,
	},
	customerGreetings: ['Hallo,', 'Guten Tag,', 'Sehr geehrte Damen und Herren,', 'Hallo Nordlys-Team,', 'Moin,', ''],
	customerSignoffs: [
		(v) => `Viele Grüße\n${v.first} ${v.last}`,
		(v) => `Mit freundlichen Grüßen\n${v.first} ${v.last}`,
		(v) => `Danke und Gruß\n${v.first}`,
		(v) => `LG ${v.first}`,
		(v) => `Beste Grüße\n${v.first} ${v.last}`,
	],
	agentGreetings: [(v) => `Hallo ${v.first} ${v.last},`, (v) => `Guten Tag ${v.first} ${v.last},`],
	agentClosings: [
		(v) => `Mit freundlichen Grüßen\n${v.agent}\nNordlys Home Kundenservice`,
		(v) => `Viele Grüße\n${v.agent}\nIhr Nordlys Home Team`,
		(v) => `Beste Grüße aus Aarhus\n${v.agent}\nNordlys Home Kundenservice`,
	],
	agentClosingShort: (v) => `Viele Grüße, ${v.agent}`,
	chasers: [
		(v) => `Ich habe zu meiner Bestellung ${v.order} immer noch keine Antwort erhalten. Könnten Sie sich bitte melden?`,
		() => 'Hallo nochmal, gibt es etwas Neues? Es sind jetzt schon ein paar Tage vergangen.',
		() => 'Haben Sie meine E-Mail bekommen? Ich warte immer noch auf eine Antwort.',
		() =>
			'Ich habe jetzt zweimal geschrieben und keine Antwort bekommen. Liest bei Ihnen überhaupt jemand die E-Mails?',
	],
	thanks: [
		() => 'Super, vielen Dank für die schnelle Hilfe!',
		(v) => `Perfekt, genau das habe ich gebraucht. Danke, ${v.agent}!`,
		() => 'Ist angekommen. Vielen Dank!',
		() => 'Danke – das weiß ich wirklich zu schätzen.',
	],
	reopens: [
		() => 'Entschuldigung, dass ich mich noch einmal melde, aber das Problem ist seit gestern leider wieder da.',
		() => 'Hallo nochmal, leider ist es doch nicht gelöst – derselbe Fehler wie vorher.',
		() => 'Bei mir hat sich leider immer noch nichts getan. Können Sie bitte noch einmal nachsehen?',
	],
	autoReply:
		'Vielen Dank für Ihre Nachricht an Nordlys Home! Dies ist eine automatische Bestätigung, dass wir Ihre Anfrage erhalten haben.\n\nWir antworten in der Regel innerhalb eines Werktages. Bitte senden Sie Ihre Anfrage nicht erneut, da sich unsere Antwort dadurch verzögern kann.\n\nIhr Nordlys Home Kundenservice',
	csatGood: [
		'Schnelle und freundliche Hilfe, danke!',
		'Gleich mit der ersten Antwort gelöst – top Service.',
		'Sehr hilfsbereit und alles gut erklärt.',
		'Unkompliziert, das Geld war am nächsten Tag zurück.',
		'Rundum gute Erfahrung, gerne wieder.',
	],
	csatBad: [
		'Es hat viel zu lange gedauert, bis ich eine Antwort bekommen habe.',
		'Ich musste dreimal dasselbe erklären.',
		'Habe mein Geld immer noch nicht zurück.',
		'Die Antwort hat mir überhaupt nicht geholfen.',
		'Nur Textbausteine – niemand hat meine E-Mail richtig gelesen.',
	],
	orderTable: {
		title: 'Ihre Bestellung:',
		item: 'Artikel',
		qty: 'Menge',
		price: 'Preis',
		shipping: 'Versand',
		total: 'Gesamt',
		free: 'kostenlos',
	},
	attachmentNames: {
		receipt: (order) => `Kaufbeleg-${order}.pdf`,
		invoice: (order) => `Rechnung-${order}.pdf`,
		returnLabel: (rma) => `Retourenetikett-${rma}.pdf`,
		quote: (order) => `Angebot-A${order}.pdf`,
	},
	scenarios: {
		'order-status': {
			subjects: [
				(v) => `Wo bleibt meine Bestellung ${v.order}?`,
				(v) => `Bestellung ${v.order} – keine Versandbestätigung`,
				() => 'Frage zum Bestellstatus',
			],
			openings: [
				(v) =>
					`Ich habe am ${v.orderDate} ${v.item} bestellt (Bestellung ${v.order}), aber immer noch keine Versandbestätigung bekommen. Auf der Website steht nur "in Bearbeitung". Können Sie mir sagen, wann die Bestellung verschickt wird?`,
				(v) =>
					`Können Sie mir bitte sagen, wo meine Bestellung ist? Bestellnummer ${v.order}, bestellt am ${v.orderDate}. Ich brauche sie vor dem Wochenende, weil es ein Geschenk ist.`,
			],
			followUps: [
				() => 'Danke. Die Sendungsverfolgung zeigt aber nur "Label erstellt" – seit zwei Tagen tut sich nichts.',
				() => 'Okay, aber bei der Bestellung stand 2–4 Werktage. Können Sie nicht per Express schicken?',
			],
			replies: [
				(v) =>
					`Vielen Dank für Ihre Geduld. Ihre Bestellung ${v.order} wurde gestern verpackt und heute Morgen an ${v.carrier} übergeben. Hier können Sie die Sendung verfolgen: [Sendung verfolgen](https://track.demo.csr/${v.tracking})\n\nDie Sendungsverfolgung wird in der Regel innerhalb von 24 Stunden aktualisiert.`,
				(v) =>
					`Ich habe mir die Bestellung ${v.order} angesehen: Der Artikel war in unserem Lager vorübergehend ausverkauft, deshalb wurde er noch nicht verschickt. Morgen kommt neue Ware, und Ihre Bestellung ist als Erste an der Reihe – Sie bekommen eine E-Mail, sobald sie verschickt ist.`,
			],
			resolutions: [
				(v) =>
					`Gute Nachrichten: ${v.carrier} bestätigt, dass das Paket in Ihrem Zustellstützpunkt ist und morgen zugestellt wird. Sendungsnummer: ${v.tracking}.\n\nEntschuldigen Sie die Wartezeit – viel Freude mit Ihrer Bestellung!`,
				(v) =>
					`Ihre Bestellung ist jetzt mit ${v.carrier} unterwegs (Sendungsnummer ${v.tracking}) und sollte innerhalb von 1–2 Werktagen bei Ihnen sein. Da es länger gedauert hat als versprochen, habe ich Ihnen die Versandkosten erstattet.`,
			],
		},
		'delivery-delay': {
			subjects: [
				(v) => `Paket hängt fest – Bestellung ${v.order}`,
				() => 'Lieferung nicht angekommen',
				(v) => `Warte immer noch auf meine Lieferung (${v.order})`,
			],
			openings: [
				(v) =>
					`Meine Bestellung ${v.order} sollte am ${v.deliveryDate} geliefert werden, ist aber immer noch nicht da. Die Sendungsverfolgung bei ${v.carrier} (${v.tracking}) hat sich seit vier Tagen nicht verändert. Was ist da los?`,
				(v) =>
					`Laut Sendungsverfolgung wurde mein Paket gestern zugestellt, aber hier ist nichts – weder vor der Tür noch bei den Nachbarn. Bestellung ${v.order}. Bitte helfen Sie mir.`,
			],
			followUps: [
				() =>
					'Ich habe nochmal bei den Nachbarn und beim Hausmeister nachgefragt – nichts. Ich hätte gern eine Ersatzlieferung oder mein Geld zurück.',
				() => 'Heute wieder nichts. Das sollte ein Geburtstagsgeschenk sein, ich bin ziemlich enttäuscht.',
			],
			replies: [
				(v) =>
					`Es tut mir leid, dass Ihr Paket verspätet ist. Ich habe bei ${v.carrier} einen Nachforschungsauftrag für die Sendungsnummer ${v.tracking} gestellt. Die Antwort kommt normalerweise innerhalb von 2–3 Werktagen, und ich melde mich, sobald ich etwas höre.\n\nKönnten Sie mir in der Zwischenzeit Ihre Lieferadresse bestätigen, damit ich einen Tippfehler ausschließen kann?`,
				(v) =>
					`Danke für Ihre Nachricht. Laut GPS-Scan des Fahrers wurde das Paket in der Nähe von ${v.city} abgestellt, was nicht zu Ihrer Adresse passt. Ich habe bei ${v.carrier} eine Reklamation eingereicht und um Klärung gebeten, wo das Paket abgelegt wurde.`,
			],
			resolutions: [
				(v) =>
					`${v.carrier} hat bestätigt, dass das Paket verloren gegangen ist. Ich habe Ihnen deshalb heute per Express Ersatz geschickt – neue Sendungsnummer ${v.tracking}. Falls das erste Paket doch noch auftaucht, können Sie die Annahme einfach verweigern oder uns Bescheid geben.`,
				(v) =>
					`Das Paket ist im Depot von ${v.carrier} wieder aufgetaucht – es war falsch sortiert worden. Es ist jetzt unterwegs und wird morgen zugestellt. Als kleine Entschädigung habe ich Ihnen einen Gutschein über ${v.voucher} gutgeschrieben.`,
			],
		},
		damaged: {
			subjects: [
				() => 'Ware beschädigt angekommen',
				(v) => `Transportschaden – Bestellung ${v.order}`,
				(v) => `${v.product} beschädigt geliefert`,
			],
			openings: [
				(v) =>
					`Heute kam meine Bestellung ${v.order} (${v.product}) an, und der Karton war an einer Ecke eingedrückt. Beim Auspacken habe ich gesehen, dass das Glasteil gesprungen ist. Fotos hänge ich an.`,
				(v) =>
					`Leider ist das Gerät (${v.product}), das ich bekommen habe, beschädigt – an der Seite ist eine große Delle, und es klappert, wenn man es hochhebt. Ich habe es nicht benutzt. Fotos anbei. Wie geht es jetzt weiter?`,
			],
			followUps: [
				() => 'Danke – muss ich den Karton für den Paketdienst aufheben?',
				() => 'Mir wäre ein Ersatzgerät lieber als eine Erstattung, wenn das geht.',
			],
			replies: [
				() =>
					'Es tut mir sehr leid, dass die Ware in diesem Zustand angekommen ist, und danke für die Fotos – darauf ist der Schaden gut zu erkennen. Möchten Sie lieber ein Ersatzgerät oder eine volle Erstattung? Sobald Sie sich entschieden haben, veranlasse ich alles, und Sie müssen das beschädigte Gerät nicht zurückschicken.',
				(v) =>
					`Das tut mir leid! Damit ich Ersatz schicken kann, brauche ich noch ein Foto: das Versandetikett auf dem Außenkarton, damit wir den Schaden bei ${v.carrier} melden können. Bitte heben Sie die Verpackung auf, bis der Fall abgeschlossen ist.`,
			],
			resolutions: [
				(v) =>
					`Ich habe Ihnen heute ein neues Gerät (${v.product}) geschickt – Bestellung ${v.order}-R, Sendungsnummer ${v.tracking}. Das beschädigte können Sie einfach entsorgen, eine Rücksendung ist nicht nötig.`,
				(v) =>
					`Ich habe Ihnen ${v.amount} auf Ihr ursprüngliches Zahlungsmittel erstattet. Je nach Bank ist der Betrag in 3–5 Werktagen sichtbar.`,
			],
		},
		return: {
			subjects: [
				(v) => `Rücksendung – Bestellung ${v.order}`,
				() => 'Ich möchte einen Artikel zurückgeben',
				() => 'Wie funktioniert die Rücksendung?',
			],
			openings: [
				(v) =>
					`Ich möchte ${v.item} aus der Bestellung ${v.order} zurückgeben. Die Verpackung ist noch nicht einmal geöffnet – wir haben in der Küche einfach keinen Platz dafür. Wie gehe ich vor?`,
				(v) =>
					`Ich möchte meine Bestellung ${v.order} zurückschicken, ich habe es mir anders überlegt. Können Sie mir bitte ein Rücksendeetikett schicken?`,
			],
			followUps: [
				() => 'Danke. Ist die Rücksendung kostenlos, oder ziehen Sie die Versandkosten ab?',
				(v) => `Ich habe das Paket heute im ${v.carrier}-Shop abgegeben.`,
			],
			replies: [
				(v) =>
					`Selbstverständlich – Sie haben 30 Tage Rückgaberecht. So geht's:\n\n1. Melden Sie sich mit Ihrer Bestellnummer ${v.order} im [Retourenportal](https://nordlyshome.de/retoure) an\n2. Wählen Sie den Artikel und den Grund aus\n3. Drucken Sie das Etikett aus, und geben Sie das Paket in einer ${v.carrier}-Filiale ab\n\nIhre Retourennummer lautet ${v.rma}. Wir erstatten den Betrag spätestens 5 Werktage nach Eingang der Rücksendung.`,
			],
			resolutions: [
				(v) =>
					`Ihre Rücksendung ${v.rma} ist bei uns eingegangen, und die Erstattung über ${v.amount} wurde heute veranlasst. Es kann 3–5 Werktage dauern, bis der Betrag auf Ihrem Konto erscheint.`,
				(v) =>
					`Im Anhang finden Sie das Rücksendeetikett. Bitte verpacken Sie den Artikel gut, am besten im Originalkarton, und geben Sie ihn innerhalb von 14 Tagen bei ${v.carrier} ab.`,
			],
		},
		exchange: {
			subjects: [
				() => 'Falsche Farbe geliefert',
				(v) => `Umtausch – Bestellung ${v.order}`,
				() => 'Kann ich gegen eine größere Variante tauschen?',
			],
			openings: [
				(v) =>
					`Ich habe ${v.item} in Schwarz bestellt, aber die weiße Variante bekommen. Bestellung ${v.order}. Kann ich das umtauschen?`,
				(v) =>
					`Der Artikel (${v.product}) gefällt mir sehr, ist für uns aber zu klein. Kann ich ihn gegen die größere Variante tauschen und den Differenzbetrag zahlen?`,
			],
			followUps: [
				() => 'Super. Soll ich mit der Rücksendung warten, bis der neue Artikel da ist?',
				() => 'Ja bitte, in Schwarz. Danke!',
			],
			replies: [
				() =>
					'Entschuldigen Sie die Verwechslung! Natürlich können Sie umtauschen. Die schwarze Variante ist vorrätig, ich schicke sie los, sobald Sie mir kurz Bescheid geben. Ein kostenloses Rücksendeetikett für den falschen Artikel habe ich angehängt.',
				() =>
					'Natürlich! Die größere Variante ist vorrätig. Ich schicke sie los, sobald Sie mir Bescheid geben, und Sie zahlen nur den Differenzbetrag. Ein kostenloses Rücksendeetikett für den jetzigen Artikel habe ich angehängt.',
			],
			resolutions: [
				(v) =>
					`Ich habe Ihnen heute den richtigen Artikel mit ${v.carrier} geschickt (Sendungsnummer ${v.tracking}). Bitte schicken Sie den anderen innerhalb von 14 Tagen mit dem Etikett zurück – der Umtausch ist selbstverständlich kostenlos.`,
			],
		},
		refund: {
			subjects: [
				() => 'Erstattung nicht erhalten',
				(v) => `Warte immer noch auf meine Erstattung – ${v.rma}`,
				() => 'Wo bleibt mein Geld?',
			],
			openings: [
				(v) =>
					`Ich habe ${v.item} vor über zwei Wochen zurückgeschickt (Bestellung ${v.order}), und laut ${v.carrier} haben Sie das Paket am ${v.deliveryDate} erhalten. Die Erstattung über ${v.amount} habe ich aber immer noch nicht bekommen. Wann kann ich damit rechnen?`,
				(v) =>
					`Sie haben eine Erstattung innerhalb von 5 Tagen versprochen. Jetzt sind 12 Tage vergangen, und es ist nichts passiert. Retourennummer ${v.rma}.`,
			],
			followUps: [
				() =>
					'Ich habe heute nochmal auf mein Konto geschaut – nichts. Können Sie mir einen Nachweis schicken, dass das Geld überwiesen wurde?',
				() => 'Okay. Auf welche Karte ging das Geld zurück? Ich habe zwei.',
			],
			replies: [
				() =>
					'Entschuldigen Sie die Verzögerung. Ihre Rücksendung ist in unserem Lager eingegangen, aber die Qualitätsprüfung war noch nicht abgeschlossen – deshalb hat sich die Erstattung verzögert. Ich habe das Lager gebeten, sie heute vorzuziehen, und melde mich, sobald das Geld unterwegs ist.',
			],
			resolutions: [
				(v) =>
					`Die Erstattung über ${v.amount} wurde heute auf die Karte gebucht, mit der Sie bezahlt haben. Je nach Bank kann es 3–5 Werktage dauern, bis der Betrag sichtbar ist. Der Verwendungszweck lautet NH-${v.order}.`,
			],
		},
		billing: {
			subjects: [
				(v) => `Doppelt abgebucht – Bestellung ${v.order}`,
				() => 'Rechnung mit ausgewiesener MwSt.',
				() => 'Frage zur Zahlung',
			],
			openings: [
				(v) =>
					`Mir wurde die Bestellung ${v.order} zweimal abgebucht – auf meinem Konto stehen zwei Zahlungen über je ${v.amount}. Bitte erstatten Sie eine davon.`,
				(v) =>
					`Könnten Sie mir für die Bestellung ${v.order} eine Rechnung mit ausgewiesener Mehrwertsteuer schicken? Ich brauche sie für die Buchhaltung. Der Firmenname lautet ${v.company}.`,
			],
			followUps: [
				() => 'Die zweite Abbuchung ist heute aber immer noch zu sehen.',
				(v) =>
					`Bitte auf die Firma – ${v.company}, USt-IdNr. DE 284 559 103. Die Adresse ist dieselbe wie in der Bestellung.`,
			],
			replies: [
				(v) =>
					`Vielen Dank für Ihre Nachricht. Ich habe nachgesehen: Wir haben nur eine Zahlung über ${v.amount} eingezogen. Bei der zweiten handelt es sich um eine Reservierung aus Ihrem ersten Zahlungsversuch – das ist keine Abbuchung, und Ihre Bank gibt sie innerhalb von 3–7 Tagen automatisch frei.`,
				() =>
					'Selbstverständlich! Soll die Rechnung auf Sie persönlich oder auf die Firma ausgestellt werden? Wenn auf die Firma, schicken Sie mir bitte die USt-IdNr. und die Rechnungsadresse, dann stelle ich sie sofort aus.',
			],
			resolutions: [
				(v) =>
					`Im Anhang finden Sie die Rechnung zur Bestellung ${v.order} mit ausgewiesener MwSt. Wenn Sie für Ihre Unterlagen noch etwas brauchen, sagen Sie gern Bescheid.`,
				(v) =>
					`Unser Zahlungsdienstleister hat bestätigt, dass die zweite Zahlung storniert wurde. Die ${v.amount} sind in wenigen Tagen wieder auf Ihrem Konto.`,
			],
		},
		'coffee-machine': {
			subjects: [
				(v) => `${v.product} verliert Wasser`,
				(v) => `Kaffeemaschine zeigt Fehler ${v.error}`,
				() => 'Espressomaschine wird nicht heiß',
			],
			openings: [
				(v) =>
					`Meine Espressomaschine (${v.product}) verliert seit ein paar Tagen bei jedem Bezug Wasser an der Unterseite. Sie ist etwa ${v.months} Monate alt, und ich entkalke regelmäßig. Kann ich selbst etwas tun, oder ist das ein Garantiefall?`,
				(v) =>
					`Die Kaffeemaschine zeigt Fehler ${v.error} an und blinkt nur noch. Ich habe sie aus- und wieder eingeschaltet und den Wassertank neu befüllt. Modell ${v.product}.`,
				(v) =>
					`Seit heute Morgen macht meine Espressomaschine (${v.product}) nur noch lauwarmen Kaffee. Die Pumpe klingt normal. Haben Sie eine Idee?`,
			],
			followUps: [
				() =>
					'Ich habe das Entkalkungsprogramm laufen lassen, wie Sie vorgeschlagen haben, aber sie tropft immer noch. Video anbei.',
				(v) => `Die Seriennummer steht unten auf dem Gerät: ${v.serial}. Der Fehler kam nach zwei Tassen wieder.`,
				() => 'Ich habe das Entkalkungsprogramm zweimal laufen lassen, jetzt ist der Kaffee wieder heiß – vielen Dank!',
			],
			replies: [
				(v) =>
					`Das ist ärgerlich! Fehler ${v.error} bedeutet meistens, dass Luft ins Wassersystem gekommen ist. Bitte probieren Sie Folgendes:\n\n- Nehmen Sie den Wassertank ab, und füllen Sie frisches Wasser ein\n- Stellen Sie eine Tasse unter die Dampfdüse, und öffnen Sie den Dampf für 30 Sekunden\n- Lassen Sie das Spülprogramm zweimal laufen\n\nWenn der Fehler wieder auftritt, schicken Sie mir bitte die Seriennummer (auf dem Aufkleber unter der Abtropfschale), dann kümmern wir uns um eine Garantiereparatur.`,
				() =>
					'Das ist ärgerlich! Undichtigkeiten und lauwarmer Kaffee kommen meistens von Kalk. Bitte lassen Sie das Entkalkungsprogramm laufen (Menü → Pflege → Entkalken), am besten mit einem richtigen Entkalker, und sagen Sie mir, ob es geholfen hat. Falls nicht, schicken Sie mir bitte die Seriennummer vom Aufkleber unter der Abtropfschale, dann prüfen wir eine Garantiereparatur.',
			],
			resolutions: [
				(v) =>
					`Danke, dass Sie alles ausprobiert haben. Da die Maschine noch unter Garantie ist, bekommen Sie ein neues Gerät. Ich habe eine Abholung mit ${v.carrier} gebucht – der Fahrer bringt die neue Maschine mit und nimmt die alte gleich mit. Bitte leeren Sie vorher Wassertank und Abtropfschale.`,
				() => 'Schön, dass das Entkalken geholfen hat! Bei hartem Wasser empfehlen wir, alle 4–6 Wochen zu entkalken.',
			],
		},
		headphones: {
			subjects: [
				(v) => `${v.product} lassen sich nicht verbinden`,
				() => 'Linker Ohrhörer funktioniert nicht',
				() => 'Geräuschunterdrückung geht nicht mehr',
			],
			openings: [
				(v) =>
					`Meine Kopfhörer (${v.product}) lassen sich nicht mehr mit meinem Handy koppeln. Bis gestern ging alles. Ich habe das Handy neu gestartet und Bluetooth aus- und eingeschaltet. iPhone 14, aktuelles iOS.`,
				(v) =>
					`Der linke Ohrhörer setzt alle paar Minuten aus, der rechte funktioniert einwandfrei. Ich habe sie seit ${v.months} Monaten.`,
			],
			followUps: [
				() => 'Ich habe den Reset gemacht, aber jetzt taucht keiner der Ohrhörer mehr in Bluetooth auf.',
				() => 'Habe die Firmware über die App aktualisiert, jetzt scheint es besser zu sein. Ich beobachte das mal.',
			],
			replies: [
				(v) =>
					`Danke für die Infos. Bitte versuchen Sie einen vollständigen Reset:\n\n1. Legen Sie beide Ohrhörer ins Ladecase, und lassen Sie den Deckel offen\n2. Halten Sie die Taste am Case 15 Sekunden lang gedrückt, bis das Licht weiß blinkt\n3. Löschen Sie "${v.product}" aus der Bluetooth-Liste Ihres Handys, und koppeln Sie die Kopfhörer neu\n\nBitte prüfen Sie außerdem, ob in der Nordlys Sound App die Firmware 2.1.4 installiert ist – dieses Update behebt Aussetzer am linken Ohrhörer.`,
			],
			resolutions: [
				() =>
					'Da weder Reset noch Update geholfen haben, liegt ein Hardwaredefekt vor. Sie bekommen im Rahmen der Garantie ein neues Paar. Ein frankiertes Rücksendeetikett ist angehängt – schicken Sie die alten Kopfhörer bitte im Case zurück, die neuen gehen raus, sobald Ihr Paket gescannt ist.',
				() =>
					'Schön zu hören, dass sie wieder funktionieren! Ich schließe den Fall, aber antworten Sie einfach hier, falls die Aussetzer wiederkommen.',
			],
		},
		router: {
			subjects: [
				() => 'WLAN bricht ständig ab',
				(v) => `Einrichtung von ${v.product} schlägt fehl`,
				() => 'Langsames Internet seit Mesh-Installation',
			],
			openings: [
				(v) =>
					`Seit wir ${v.product} eingerichtet haben, bricht unser WLAN mehrmals am Tag für ein, zwei Minuten ab. Alle drei Geräte leuchten weiß. Der Provider sagt, die Leitung sei in Ordnung. Haben Sie eine Idee?`,
				(v) =>
					`Ich bekomme die Einrichtung von ${v.product} nicht abgeschlossen. Die App hängt bei "Router wird gesucht" und bricht dann mit einem Timeout ab. Schon dreimal probiert.`,
			],
			followUps: [
				(v) => `Hier ist der Diagnosecode aus der App: ${v.diag}.`,
				() =>
					'Habe den Satelliten wie vorgeschlagen näher aufgestellt – besser, aber das Gerät im Obergeschoss leuchtet immer noch orange.',
			],
			replies: [
				() =>
					'Danke für Ihre Nachricht. Könnten Sie in der App eine Diagnose ausführen (Einstellungen → Support → Diagnose senden) und mir den angezeigten Code schicken? In der Zwischenzeit können Sie versuchen, die Satelliten höchstens zwei Räume voneinander entfernt und nicht direkt neben Mikrowelle oder Babyphone aufzustellen.',
			],
			resolutions: [
				() =>
					'Die Diagnose zeigt starke Störungen auf Kanal 11. Ich habe Ihr System per Fernwartung auf Kanal 1 umgestellt und die Firmware auf 3.4.2 aktualisiert. Jetzt sollte es deutlich stabiler laufen – melden Sie sich gern, falls in den nächsten Tagen noch Abbrüche auftreten.',
				() =>
					'Am Hauptgerät ist der Netzwerkanschluss defekt, deshalb schicke ich Ihnen heute ein Ersatzgerät. Bis es ankommt, können Sie das alte weiter benutzen.',
			],
		},
		'app-login': {
			subjects: [
				() => 'Login in der App funktioniert nicht',
				() => 'Nach Update kein Login mehr möglich',
				() => 'Nordlys Home App: "Etwas ist schiefgelaufen"',
			],
			openings: [
				() =>
					'Seit heute Morgen kann ich mich nicht mehr in der Nordlys Home App anmelden. Es kommt nur "Etwas ist schiefgelaufen, bitte versuchen Sie es später erneut". Ich habe die App schon zweimal neu installiert. Ich brauche sie für den Timer meiner Kaffeemaschine.',
				() =>
					'Seit dem letzten App-Update dreht sich die Login-Seite nur noch im Kreis. Auf meinem Handy und auf dem meines Partners. Gibt es bei Ihnen ein Problem?',
			],
			followUps: [
				() => 'Geht heute Abend immer noch nicht.',
				() => 'Gibt es etwas Neues? "Passwort zurücksetzen" funktioniert auch nicht – es kommt keine E-Mail an.',
			],
			replies: [
				() =>
					'Danke für den Hinweis, und entschuldigen Sie die Unannehmlichkeiten. Wir haben derzeit Probleme mit der Anmeldung in der Nordlys Home App, die einen Teil unserer Kundinnen und Kunden betreffen. Unsere Entwickler arbeiten an einer Lösung. Sie müssen die App nicht neu installieren und Ihr Passwort nicht zurücksetzen – wir melden uns hier, sobald das Problem behoben ist.',
			],
			resolutions: [
				() =>
					'Der Fehler beim Login wurde heute um 14:20 Uhr behoben. Bitte schließen Sie die App vollständig, und öffnen Sie sie erneut – dann sollte die Anmeldung wieder wie gewohnt funktionieren. Entschuldigen Sie die Unannehmlichkeiten!',
			],
		},
		complaint: {
			subjects: [
				() => 'Sehr enttäuscht von Ihrem Service',
				() => 'Beschwerde über den Zusteller',
				() => 'Schlechte Erfahrung',
			],
			openings: [
				(v) =>
					`Ich möchte mich beschweren. Ich habe jetzt dreimal wegen der Bestellung ${v.order} bei Ihrem Kundenservice angerufen, und jedes Mal wurde mir ein Rückruf versprochen, der nie kam. Das geht so nicht.`,
				(v) =>
					`Ihr Zusteller hat mein Paket bei Regen vor der Haustür abgestellt, obwohl ich zu Hause war. Der Karton war völlig durchweicht. Bestellung ${v.order}. Ich bin nicht zufrieden.`,
			],
			followUps: [
				() =>
					'Danke für die Entschuldigung, aber ich möchte trotzdem wissen, was Sie tun, damit das nicht wieder passiert.',
				() => 'Ein Gutschein ist nett, aber ich möchte einfach den Artikel, für den ich bezahlt habe.',
			],
			replies: [
				() =>
					'Das tut mir wirklich leid – Sie hätten uns nicht so hinterherlaufen müssen. Ich habe mir angesehen, was passiert ist: Ihr Anliegen wurde zwischen mehreren Teams hin- und hergeschoben, ohne dass sich jemand verantwortlich gefühlt hat. Ab sofort kümmere ich mich persönlich darum, und Sie hören spätestens morgen von mir.',
				(v) =>
					`Das tut mir wirklich leid – so darf mit Ihrem Paket nicht umgegangen werden. Ich habe die Zustellung bei ${v.carrier} reklamiert und darum gebeten, das mit dem Fahrer zu klären. Ist beim Inhalt etwas beschädigt worden? Dann schicken wir Ihnen sofort Ersatz.`,
			],
			resolutions: [
				(v) =>
					`Vielen Dank für Ihre Geduld. Ich habe mit ${v.carrier} über die Zustellung gesprochen, und der Fall wurde mit dem Fahrer besprochen. Als Entschuldigung habe ich Ihnen die Versandkosten erstattet und einen Gutschein über ${v.voucher} auf Ihrem Kundenkonto hinterlegt.`,
				(v) =>
					`Ich habe mir die Bestellung ${v.order} angesehen, und jetzt ist alles unterwegs – Sendungsnummer ${v.tracking}. Als Entschuldigung habe ich Ihnen einen Gutschein über ${v.voucher} gutgeschrieben und Ihr Feedback an unsere Teamleitung weitergegeben, damit versprochene Rückrufe auch wirklich stattfinden.`,
			],
		},
		'pre-sales': {
			subjects: [(v) => `Frage zu ${v.product}`, (v) => `Ist ${v.product} auf Lager?`, () => 'Vor dem Kauf…'],
			openings: [
				(v) =>
					`Ich überlege, ${v.item} zu kaufen. Wie lange ist die Garantie, und wie schnell können Sie nach ${v.city} liefern?`,
				(v) => `Ist ${v.product} bald wieder lieferbar? Auf der Website steht seit Wochen "bald verfügbar".`,
				(v) => `Kann ich mit PayPal oder auf Rechnung zahlen? Ich interessiere mich für ${v.item}.`,
			],
			followUps: [() => 'Danke! Kann ich eins reservieren?', () => 'Super, dann bestelle ich heute.'],
			replies: [
				(v) =>
					`Vielen Dank für Ihr Interesse! Sie haben 2 Jahre Gewährleistung, und nach ${v.city} liefern wir normalerweise innerhalb von 2–4 Werktagen. Der Artikel ist vorrätig – wenn Sie heute bestellen, geht er morgen raus.`,
				() =>
					'Der Artikel ist voraussichtlich nächste Woche wieder vorrätig. Soll ich Sie für eine Verfügbarkeitsbenachrichtigung eintragen, damit Sie eine E-Mail bekommen, sobald Sie bestellen können?',
				() =>
					'Ja – Sie können mit PayPal, Kreditkarte oder per Klarna bezahlen. Mit Klarna ist auch Ratenzahlung in 3 Monatsraten ohne Zinsen möglich; wählen Sie das einfach an der Kasse aus.',
			],
			resolutions: [
				(v) =>
					`Wir erwarten nächste Woche neue Ware (${v.product}). Ich habe Sie für eine Verfügbarkeitsbenachrichtigung eingetragen, Sie bekommen also eine E-Mail, sobald Sie bestellen können.`,
				() =>
					'Ja, Sie können mit PayPal, Kreditkarte oder per Klarna auf Rechnung bezahlen – mit Klarna auch in 3 Monatsraten ohne Zinsen.',
				() =>
					'Wunderbar – danke, dass Sie bei uns bestellen! Wenn Sie nach der Lieferung Fragen haben, antworten Sie einfach auf diese Nachricht.',
			],
		},
		'review-negative': {
			subjects: [
				(v) => `Neue Bewertung (1★) von ${v.first} ${v.last.slice(0, 1)}.`,
				() => 'Trustpilot-Bewertung: 2 Sterne',
			],
			openings: [
				(v) =>
					`Habe ${v.item} bestellt, die Lieferung kam zwei Wochen zu spät, und auf meine E-Mails hat niemand geantwortet. Als das Paket endlich da war, war der Karton kaputt. Nie wieder.`,
				() =>
					'Der Kundenservice ist ein Witz. 9 Tage auf eine Antwort zu einer Erstattung gewartet. Das Produkt selbst ist in Ordnung, aber der Service macht alles kaputt.',
			],
			followUps: [() => 'Ich habe Ihnen die Bestellnummer jetzt per E-Mail geschickt.'],
			replies: [
				(v) =>
					`Hallo ${v.first}, danke, dass Sie sich die Zeit für diese Bewertung genommen haben, und entschuldigen Sie, dass wir Sie enttäuscht haben. So soll uns niemand erleben. Könnten Sie uns Ihre Bestellnummer an hallo@nordlyshome.de schicken, z. Hd. ${v.agent}? Ich kümmere mich dann persönlich darum.`,
			],
			resolutions: [
				(v) =>
					`Danke für Ihre Rückmeldung, ${v.first}. Wir haben Ihnen die Versandkosten erstattet und hoffen, dass wir es beim nächsten Mal besser machen dürfen.`,
			],
		},
		'review-positive': {
			subjects: [(v) => `Neue Bewertung (5★) von ${v.first}`, () => 'Trustpilot-Bewertung: 5 Sterne'],
			openings: [
				(v) =>
					`Superschnelle Lieferung, und ${v.product} ist sogar besser als erwartet. Rückgabe auch ganz unkompliziert. Klare Empfehlung!`,
				() =>
					'Hatte ein Problem mit meiner Bestellung, und der Kundenservice hat es innerhalb eines Tages gelöst. Freundlich und hilfsbereit. 5 Sterne von mir.',
			],
			followUps: [() => 'Danke für die Antwort!'],
			replies: [
				(v) =>
					`Vielen Dank für die tolle Bewertung, ${v.first}! Es freut uns sehr, dass Sie mit ${v.product} so zufrieden sind.`,
			],
			resolutions: [() => 'Nochmals danke für die netten Worte – wir geben sie an das ganze Team weiter!'],
		},
		b2b: {
			subjects: [
				(v) => `Angebot für ${v.qty} × ${v.product}`,
				() => 'Firmenbestellung – Mengenrabatt?',
				() => 'Ausstattung Büroküche',
			],
			openings: [
				(v) =>
					`Wir gestalten gerade die Büroküchen bei ${v.company} neu und hätten gern ein Angebot über ${v.qty} Stück ${v.product}, geliefert an unser Büro in ${v.city}. Gewähren Sie Mengenrabatt, und ist Kauf auf Rechnung (30 Tage netto) möglich?`,
			],
			followUps: [
				() => 'Danke. Wäre auch eine Installation möglich, oder bieten Sie das nicht an?',
				() => 'Unsere USt-IdNr. lautet DE 284 559 103. Sie können gern loslegen.',
			],
			replies: [
				(v) =>
					`Vielen Dank für Ihre Anfrage! Bei ${v.qty} Stück können wir Ihnen 12 % Rabatt auf den Listenpreis und Zahlung auf Rechnung mit 30 Tagen Zahlungsziel anbieten. Das Angebot (30 Tage gültig) finden Sie im Anhang. Könnten Sie mir noch die Lieferadresse und Ihre USt-IdNr. bestätigen?`,
			],
			resolutions: [
				() =>
					'Die Bestellung ist bestätigt, die Lieferung ist für nächsten Dienstag zwischen 8 und 12 Uhr eingeplant. Die Rechnung geht per E-Mail an Ihre Buchhaltung.',
			],
		},
		warranty: {
			subjects: [
				(v) => `${v.product} funktioniert nicht mehr`,
				() => 'Garantiefall',
				(v) => `Defekt nach ${v.months} Monaten`,
			],
			openings: [
				(v) =>
					`Mein Gerät (${v.product}) funktioniert nach ${v.months} Monaten überhaupt nicht mehr. Keine Lampe, gar nichts. Andere Steckdosen habe ich schon ausprobiert. Gekauft bei Ihnen – Bestellung ${v.order}. Ist das ein Garantiefall?`,
				(v) =>
					`Das Gerät (${v.product}) macht seit Kurzem ein lautes Schleifgeräusch und riecht verbrannt. Ich benutze es nicht mehr. Es ist ${v.months} Monate alt.`,
			],
			followUps: [
				() => 'Kaufbeleg anbei. Muss das Gerät im Originalkarton verschickt werden? Den habe ich nicht mehr.',
				() => 'Okay, wann kommt der Kurier?',
			],
			replies: [
				() =>
					'Das ist ärgerlich! Ja, das fällt unter unsere 2-jährige Garantie. Schicken Sie mir bitte ein Foto vom Typenschild (an der Unterseite), dann lege ich den Garantiefall an. Den Originalkarton brauchen Sie nicht – ein stabiler Karton reicht.',
			],
			resolutions: [
				(v) =>
					`Der Garantiefall ist genehmigt. ${v.carrier} holt das defekte Gerät am ${v.deliveryDate} ab, und wir schicken Ihnen ein neues, sobald es gescannt ist. Ihre Fallnummer lautet ${v.rma}.`,
			],
		},
		cancel: {
			subjects: [
				(v) => `Stornierung Bestellung ${v.order}`,
				() => 'Lieferadresse ändern',
				() => 'Bitte Bestellung stornieren',
			],
			openings: [
				(v) =>
					`Ich habe aus Versehen zweimal bestellt – bitte stornieren Sie die Bestellung ${v.order}. Ich brauche nur eine.`,
				(v) =>
					`Kann ich die Lieferadresse für die Bestellung ${v.order} noch ändern? Mir ist gerade aufgefallen, dass ich meine alte Adresse angegeben habe.`,
			],
			followUps: [
				() => 'Ja, genau. Und das Geld kommt dann automatisch zurück?',
				(v) => `Die neue Adresse lautet Lindenstraße 14, 2. OG, ${v.city}.`,
			],
			replies: [
				() =>
					'Dabei helfe ich Ihnen gern. Können Sie mir die vollständige neue Adresse inklusive Postleitzahl bestätigen? Die Bestellung soll heute Nachmittag verpackt werden – je eher, desto besser.',
				(v) =>
					`Ich sehe, dass die Bestellung ${v.order} noch nicht verpackt wurde, ich kann sie also stornieren. Nur zur Sicherheit: Soll die Bestellung ${v.order} storniert werden und die andere bestehen bleiben?`,
			],
			resolutions: [
				(v) =>
					`Ihre Bestellung ${v.order} wurde storniert, und der volle Betrag von ${v.amount} wurde erstattet. Das Geld ist innerhalb von 3–5 Werktagen wieder auf Ihrem Konto.`,
				(v) =>
					`Ich habe die Lieferadresse für die Bestellung ${v.order} geändert. Sie bekommen eine neue E-Mail mit der Sendungsverfolgung, sobald das Paket verschickt ist.`,
			],
		},
	},
};
