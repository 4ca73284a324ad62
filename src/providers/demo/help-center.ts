/**
 * The demo desk's help center: Nordlys Home's own articles on returns, delivery times, refunds, warranty and
 * troubleshooting, in each language the shop serves (data, not code).
 */

export type HelpCenterArticle = {
	readonly id: string;
	readonly locale: 'en' | 'da' | 'sv' | 'nb' | 'de';
	readonly topic: 'returns' | 'delivery' | 'refunds' | 'warranty' | 'troubleshooting';
	readonly title: string;
	readonly url: string;
	/** Plain text, paragraphs separated by blank lines. */
	readonly body: string;
};

export const helpCenterArticles: readonly HelpCenterArticle[] = [
	{
		id: '201',
		locale: 'en',
		topic: 'returns',
		title: 'How do I return an item?',
		url: 'https://help.nordlyshome.co.uk/en/articles/201-returns',
		body: `You can return anything you bought from Nordlys Home within 30 days of receiving it, as long as it is unused and complete.

1. Open the returns portal at nordlyshome.co.uk/returns and enter your order number and email address.
2. Choose the items you are sending back and tell us why.
3. Print the prepaid return label, pack the item well (the original box is best) and drop it off at any Royal Mail or Evri parcel shop.

Keep the receipt from the parcel shop until your refund has arrived. Returns are free within the UK. If you would rather have a different size or colour, choose "exchange" in the portal instead.`,
	},
	{
		id: '202',
		locale: 'da',
		topic: 'returns',
		title: 'Hvordan returnerer jeg en vare?',
		url: 'https://hjaelp.nordlyshome.dk/da/artikler/202-returnering',
		body: `Du har 30 dages returret fra den dag, du modtager din pakke. Varen skal være ubrugt og komplet.

1. Gå til returportalen på nordlyshome.dk/retur, og indtast dit ordrenummer og din e-mailadresse.
2. Vælg de varer, du vil returnere, og fortæl os hvorfor.
3. Print returlabelen, pak varen godt ind (gerne i den originale emballage), og aflevér pakken i en PostNord- eller GLS-pakkeshop.

Gem kvitteringen fra pakkeshoppen, indtil du har fået pengene tilbage. Returnering er gratis i Danmark. Vil du hellere have en anden størrelse eller farve, så vælg "ombytning" i portalen.`,
	},
	{
		id: '203',
		locale: 'sv',
		topic: 'returns',
		title: 'Hur returnerar jag en vara?',
		url: 'https://hjalp.nordlyshome.se/sv/artiklar/203-retur',
		body: `Du har 30 dagars returrätt från den dag du tar emot paketet. Varan ska vara oanvänd och komplett.

1. Gå till returportalen på nordlyshome.se/retur och fyll i ditt ordernummer och din e-postadress.
2. Välj de varor du vill returnera och berätta varför.
3. Skriv ut returetiketten, packa varan väl (gärna i originalförpackningen) och lämna paketet hos ett PostNord- eller DHL-ombud.

Spara kvittot från ombudet tills pengarna är tillbaka. Returen är gratis inom Sverige. Vill du hellre ha en annan storlek eller färg väljer du "byte" i portalen.`,
	},
	{
		id: '204',
		locale: 'nb',
		topic: 'returns',
		title: 'Hvordan returnerer jeg en vare?',
		url: 'https://hjelp.nordlyshome.no/nb/artikler/204-retur',
		body: `Du har 30 dagers returrett fra dagen du mottar pakken. Varen må være ubrukt og komplett.

1. Gå til returportalen på nordlyshome.no/retur og skriv inn ordrenummeret og e-postadressen din.
2. Velg varene du vil returnere, og fortell oss hvorfor.
3. Skriv ut returetiketten, pakk varen godt inn (gjerne i originalemballasjen) og lever pakken hos Posten eller et PostNord-utleveringssted.

Ta vare på kvitteringen til pengene er tilbake. Retur er gratis i Norge. Vil du heller ha en annen størrelse eller farge, velger du "bytte" i portalen.`,
	},
	{
		id: '205',
		locale: 'de',
		topic: 'returns',
		title: 'Wie sende ich einen Artikel zurück?',
		url: 'https://hilfe.nordlyshome.de/de/artikel/205-ruecksendung',
		body: `Sie können jeden Artikel innerhalb von 30 Tagen nach Erhalt zurücksenden, sofern er unbenutzt und vollständig ist.

1. Öffnen Sie das Retourenportal unter nordlyshome.de/retoure und geben Sie Ihre Bestellnummer und E-Mail-Adresse ein.
2. Wählen Sie die Artikel aus, die Sie zurückschicken möchten, und nennen Sie uns den Grund.
3. Drucken Sie das Rücksendeetikett aus, verpacken Sie den Artikel gut (am besten im Originalkarton) und geben Sie das Paket in einer DHL- oder Hermes-Filiale ab.

Bewahren Sie den Einlieferungsbeleg auf, bis die Erstattung da ist. Die Rücksendung ist innerhalb Deutschlands kostenlos. Möchten Sie lieber eine andere Größe oder Farbe, wählen Sie im Portal "Umtausch".`,
	},
	{
		id: '211',
		locale: 'en',
		topic: 'delivery',
		title: 'Delivery times and tracking',
		url: 'https://help.nordlyshome.co.uk/en/articles/211-delivery',
		body: `Orders placed before 2 pm on a working day leave our warehouse the same day. Standard delivery in the UK takes 2–4 working days; express delivery (order before noon) arrives the next working day.

As soon as your parcel has left us, you get an email with a tracking link. It can take up to 24 hours before the carrier shows the first scan.

Has your parcel not arrived 5 working days after the dispatch email? Check the tracking link first, then contact us with your order number and we will open an investigation with the carrier. Large items such as stand mixers may be delivered by a separate van service that books a time with you.`,
	},
	{
		id: '212',
		locale: 'da',
		topic: 'delivery',
		title: 'Leveringstid og sporing af din pakke',
		url: 'https://hjaelp.nordlyshome.dk/da/artikler/212-levering',
		body: `Bestiller du inden kl. 14 på en hverdag, sender vi pakken samme dag. Standardlevering i Danmark tager 1–3 hverdage, og express (bestil inden kl. 12) er fremme næste hverdag.

Når pakken er sendt, får du en mail med et link til track & trace. Der kan gå op til et døgn, før fragtfirmaet viser den første scanning.

Er pakken ikke kommet 5 hverdage efter afsendelsesmailen? Tjek sporingslinket, og kontakt os derefter med dit ordrenummer, så sætter vi en efterlysning i gang hos fragtfirmaet. Store varer kan blive leveret af en særskilt vognmand, der aftaler et tidspunkt med dig.`,
	},
	{
		id: '213',
		locale: 'sv',
		topic: 'delivery',
		title: 'Leveranstider och spårning',
		url: 'https://hjalp.nordlyshome.se/sv/artiklar/213-leverans',
		body: `Beställer du före kl. 14 en vardag skickar vi paketet samma dag. Standardleverans inom Sverige tar 2–4 vardagar, och express (beställ före kl. 12) kommer nästa vardag.

När paketet har skickats får du ett mejl med en spårningslänk. Det kan ta upp till ett dygn innan transportören visar den första skanningen.

Har paketet inte kommit 5 vardagar efter leveransbeskedet? Kontrollera spårningslänken och kontakta oss sedan med ditt ordernummer, så startar vi en efterforskning hos transportören. Stora varor kan levereras av en separat budfirma som bokar en tid med dig.`,
	},
	{
		id: '214',
		locale: 'nb',
		topic: 'delivery',
		title: 'Leveringstid og sporing',
		url: 'https://hjelp.nordlyshome.no/nb/artikler/214-levering',
		body: `Bestiller du før kl. 14 på en hverdag, sender vi pakken samme dag. Standard levering i Norge tar 2–5 virkedager, og ekspress (bestill før kl. 12) kommer neste virkedag til de fleste adresser.

Når pakken er sendt, får du en e-post med sporingslenke. Det kan ta opptil et døgn før transportøren viser den første skanningen.

Har pakken ikke kommet 6 virkedager etter forsendelsesvarselet? Sjekk sporingslenken, og ta deretter kontakt med oss med ordrenummeret ditt, så starter vi en etterlysning hos transportøren. Store varer kan bli levert av et eget budfirma som avtaler tidspunkt med deg.`,
	},
	{
		id: '215',
		locale: 'de',
		topic: 'delivery',
		title: 'Lieferzeiten und Sendungsverfolgung',
		url: 'https://hilfe.nordlyshome.de/de/artikel/215-lieferung',
		body: `Bestellungen, die werktags vor 14 Uhr eingehen, verlassen unser Lager noch am selben Tag. Die Standardlieferung innerhalb Deutschlands dauert 2–4 Werktage, Express (Bestellung vor 12 Uhr) kommt am nächsten Werktag.

Sobald Ihr Paket unterwegs ist, erhalten Sie eine E-Mail mit einem Link zur Sendungsverfolgung. Bis der Paketdienst den ersten Scan anzeigt, können bis zu 24 Stunden vergehen.

Ist Ihr Paket 5 Werktage nach der Versandbestätigung noch nicht da? Prüfen Sie zuerst die Sendungsverfolgung und melden Sie sich dann mit Ihrer Bestellnummer bei uns, damit wir einen Nachforschungsauftrag beim Paketdienst stellen. Große Artikel liefert eine Spedition, die einen Termin mit Ihnen vereinbart.`,
	},
	{
		id: '221',
		locale: 'en',
		topic: 'refunds',
		title: 'When will I get my refund?',
		url: 'https://help.nordlyshome.co.uk/en/articles/221-refunds',
		body: `We refund your return within 5 working days of receiving it at our warehouse, always to the payment method you used. You get an email as soon as the refund has been made.

Card payments usually show on your statement 3–5 banking days later; PayPal and Klarna are normally updated within a day. Delivery costs are refunded too when you return the whole order.

If 10 working days have passed since the parcel shop receipt and you have not heard from us, contact us with your order number and the receipt.`,
	},
	{
		id: '222',
		locale: 'da',
		topic: 'refunds',
		title: 'Hvornår får jeg mine penge tilbage?',
		url: 'https://hjaelp.nordlyshome.dk/da/artikler/222-refusion',
		body: `Vi refunderer senest 5 hverdage efter, at din returpakke er modtaget på vores lager – altid til den betalingsmetode, du brugte. Du får en mail, så snart refusionen er sendt.

Ved kortbetaling står beløbet normalt på din konto 3–5 bankdage senere; MobilePay og Klarna opdateres som regel inden for et døgn. Fragten refunderes også, hvis du returnerer hele ordren.

Er der gået 10 hverdage, siden du afleverede pakken, uden at du har hørt fra os, så kontakt os med dit ordrenummer og kvitteringen fra pakkeshoppen.`,
	},
	{
		id: '223',
		locale: 'sv',
		topic: 'refunds',
		title: 'När får jag tillbaka mina pengar?',
		url: 'https://hjalp.nordlyshome.se/sv/artiklar/223-aterbetalning',
		body: `Vi betalar tillbaka senast 5 vardagar efter att returen kommit fram till vårt lager, alltid till det betalningssätt du använde. Du får ett mejl så snart återbetalningen är gjord.

Vid kortbetalning syns beloppet normalt på kontot 3–5 bankdagar senare; Swish och Klarna uppdateras oftast inom ett dygn. Frakten betalas också tillbaka om du returnerar hela ordern.

Har det gått 10 vardagar sedan du lämnade paketet utan att du hört något? Kontakta oss med ditt ordernummer och kvittot från ombudet.`,
	},
	{
		id: '224',
		locale: 'nb',
		topic: 'refunds',
		title: 'Når får jeg pengene tilbake?',
		url: 'https://hjelp.nordlyshome.no/nb/artikler/224-refusjon',
		body: `Vi refunderer senest 5 virkedager etter at returen har kommet fram til lageret vårt, alltid til betalingsmåten du brukte. Du får en e-post så snart refusjonen er gjennomført.

Ved kortbetaling ser du beløpet på kontoen vanligvis 3–5 bankdager senere; Vipps og Klarna oppdateres som regel innen et døgn. Frakten refunderes også når du returnerer hele ordren.

Har det gått 10 virkedager siden du leverte pakken uten at du har hørt fra oss? Ta kontakt med ordrenummeret og kvitteringen.`,
	},
	{
		id: '225',
		locale: 'de',
		topic: 'refunds',
		title: 'Wann bekomme ich mein Geld zurück?',
		url: 'https://hilfe.nordlyshome.de/de/artikel/225-erstattung',
		body: `Wir erstatten den Betrag spätestens 5 Werktage nach Eingang Ihrer Rücksendung in unserem Lager, immer auf die Zahlungsart, mit der Sie bezahlt haben. Sie erhalten eine E-Mail, sobald die Erstattung veranlasst ist.

Bei Kartenzahlung ist der Betrag meist 3–5 Bankarbeitstage später auf Ihrem Konto; PayPal und Klarna werden in der Regel innerhalb eines Tages aktualisiert. Die Versandkosten erstatten wir ebenfalls, wenn Sie die ganze Bestellung zurücksenden.

Sind seit der Abgabe des Pakets 10 Werktage vergangen und Sie haben nichts von uns gehört? Melden Sie sich mit Ihrer Bestellnummer und dem Einlieferungsbeleg.`,
	},
	{
		id: '231',
		locale: 'en',
		topic: 'warranty',
		title: 'Warranty and faulty products',
		url: 'https://help.nordlyshome.co.uk/en/articles/231-warranty',
		body: `Every product from Nordlys Home comes with a 2-year warranty from the delivery date; espresso machines and stand mixers have 3 years. The warranty covers manufacturing faults, not wear, limescale or accidental damage.

If something stops working, first try the troubleshooting steps for your product. If the fault remains, register a warranty claim in the returns portal (choose "faulty item") with your order number, a short description and, if you can, a photo or video of the fault.

We will either repair the product, replace it or refund you. You never pay for shipping on a warranty claim.`,
	},
	{
		id: '232',
		locale: 'da',
		topic: 'warranty',
		title: 'Reklamation og garanti',
		url: 'https://hjaelp.nordlyshome.dk/da/artikler/232-reklamation',
		body: `Du har 2 års reklamationsret fra leveringsdagen på alle varer fra Nordlys Home, og på espressomaskiner og køkkenmaskiner giver vi 3 års garanti. Reklamationsretten dækker fabrikationsfejl, ikke almindeligt slid, kalk eller skader, der er sket ved et uheld.

Holder en vare op med at virke, så prøv først fejlfindingen for dit produkt. Er fejlen der stadig, så opret en reklamation i returportalen (vælg "defekt vare") med dit ordrenummer, en kort beskrivelse og gerne et billede eller en video af fejlen.

Vi reparerer varen, bytter den eller giver dig pengene tilbage. Du betaler aldrig fragt ved en reklamation.`,
	},
	{
		id: '233',
		locale: 'sv',
		topic: 'warranty',
		title: 'Reklamation och garanti',
		url: 'https://hjalp.nordlyshome.se/sv/artiklar/233-reklamation',
		body: `Du har 3 års reklamationsrätt enligt konsumentköplagen, och på espressomaskiner och köksmaskiner ger vi dessutom 3 års garanti. Reklamationsrätten gäller fabrikationsfel, inte normalt slitage, kalk eller skador som uppstått av misstag.

Om en vara slutar fungera, prova först felsökningen för din produkt. Finns felet kvar skapar du en reklamation i returportalen (välj "trasig vara") med ditt ordernummer, en kort beskrivning och gärna en bild eller video på felet.

Vi reparerar varan, byter ut den eller betalar tillbaka. Du betalar aldrig frakt vid en reklamation.`,
	},
	{
		id: '234',
		locale: 'nb',
		topic: 'warranty',
		title: 'Reklamasjon og garanti',
		url: 'https://hjelp.nordlyshome.no/nb/artikler/234-reklamasjon',
		body: `Du har 2 års reklamasjonsrett, og 5 år på varer som er ment å vare vesentlig lenger, som espressomaskiner og kjøkkenmaskiner. Reklamasjonsretten gjelder produksjonsfeil, ikke vanlig slitasje, kalk eller skader som har skjedd ved et uhell.

Slutter en vare å virke, prøv først feilsøkingen for produktet ditt. Er feilen der fortsatt, oppretter du en reklamasjon i returportalen (velg "defekt vare") med ordrenummer, en kort beskrivelse og gjerne et bilde eller en video av feilen.

Vi reparerer varen, bytter den eller gir deg pengene tilbake. Du betaler aldri frakt ved en reklamasjon.`,
	},
	{
		id: '235',
		locale: 'de',
		topic: 'warranty',
		title: 'Gewährleistung und Garantie bei defekten Artikeln',
		url: 'https://hilfe.nordlyshome.de/de/artikel/235-gewaehrleistung',
		body: `Sie haben 2 Jahre gesetzliche Gewährleistung ab Lieferdatum; auf Espressomaschinen und Küchenmaschinen geben wir zusätzlich 3 Jahre Garantie. Sie deckt Herstellungsfehler ab, nicht normalen Verschleiß, Kalk oder versehentliche Beschädigungen.

Funktioniert ein Gerät nicht mehr, probieren Sie zuerst die Fehlerbehebung für Ihr Produkt. Besteht der Fehler weiter, melden Sie im Retourenportal einen Garantiefall an (wählen Sie "defekter Artikel") – mit Bestellnummer, einer kurzen Beschreibung und, wenn möglich, einem Foto oder Video des Fehlers.

Wir reparieren den Artikel, tauschen ihn aus oder erstatten den Kaufpreis. Versandkosten zahlen Sie bei einem Garantiefall nie.`,
	},
	{
		id: '241',
		locale: 'en',
		topic: 'troubleshooting',
		title: "Troubleshooting: my appliance won't turn on or connect",
		url: 'https://help.nordlyshome.co.uk/en/articles/241-troubleshooting',
		body: `Most problems are solved with a few simple steps:

1. Power: check the plug, try another socket and make sure any power switch on the back is on. Battery products (headphones, robot vacuums) need a full charge of at least two hours the first time.
2. Restart: unplug the appliance for 30 seconds, or hold the power button for 10 seconds on headphones and robot vacuums.
3. Bluetooth and Wi-Fi: remove the device from your phone's Bluetooth list and pair again; for the mesh Wi-Fi system and robot vacuums, update the app and move the device closer to the router while setting it up.
4. Reset: a factory reset (see the quick guide) fixes most settings problems.

Still not working? Send us your order number, the model and a short video of what happens, and we will help you further or register a warranty claim.`,
	},
	{
		id: '242',
		locale: 'da',
		topic: 'troubleshooting',
		title: 'Fejlfinding: apparatet tænder ikke eller vil ikke forbinde',
		url: 'https://hjaelp.nordlyshome.dk/da/artikler/242-fejlfinding',
		body: `De fleste problemer løses med nogle få enkle skridt:

1. Strøm: tjek stikket, prøv en anden stikkontakt, og se efter, at en eventuel tænd/sluk-knap bag på er slået til. Produkter med batteri (høretelefoner, robotstøvsugere) skal lades helt op i mindst to timer første gang.
2. Genstart: tag stikket ud i 30 sekunder, eller hold tænd-knappen inde i 10 sekunder på høretelefoner og robotstøvsugere.
3. Bluetooth og wifi: fjern enheden fra telefonens Bluetooth-liste, og par den igen; til mesh-wifi og robotstøvsugere skal appen være opdateret, og enheden skal stå tæt på routeren under opsætningen.
4. Nulstilling: en fabriksnulstilling (se lynvejledningen) løser de fleste problemer med indstillinger.

Virker det stadig ikke? Send os dit ordrenummer, modellen og en kort video af, hvad der sker, så hjælper vi dig videre eller opretter en reklamation.`,
	},
	{
		id: '243',
		locale: 'sv',
		topic: 'troubleshooting',
		title: 'Felsökning: apparaten startar inte eller vill inte ansluta',
		url: 'https://hjalp.nordlyshome.se/sv/artiklar/243-felsokning',
		body: `De flesta problem löser sig med några enkla steg:

1. Ström: kontrollera kontakten, prova ett annat uttag och se till att en eventuell strömbrytare på baksidan är påslagen. Produkter med batteri (hörlurar, robotdammsugare) ska laddas fullt i minst två timmar första gången.
2. Starta om: dra ur kontakten i 30 sekunder, eller håll in strömknappen i 10 sekunder på hörlurar och robotdammsugare.
3. Bluetooth och wifi: ta bort enheten från telefonens Bluetooth-lista och parkoppla igen; för mesh-wifi och robotdammsugare ska appen vara uppdaterad och enheten stå nära routern under installationen.
4. Återställning: en fabriksåterställning (se snabbguiden) löser de flesta inställningsproblem.

Fungerar det fortfarande inte? Skicka ditt ordernummer, modellen och en kort video på vad som händer, så hjälper vi dig vidare eller skapar en reklamation.`,
	},
	{
		id: '244',
		locale: 'nb',
		topic: 'troubleshooting',
		title: 'Feilsøking: apparatet slår seg ikke på eller vil ikke koble til',
		url: 'https://hjelp.nordlyshome.no/nb/artikler/244-feilsoking',
		body: `De fleste problemer løses med noen få enkle steg:

1. Strøm: sjekk støpselet, prøv en annen stikkontakt og se at en eventuell av/på-bryter bak er slått på. Produkter med batteri (hodetelefoner, robotstøvsugere) må lades helt opp i minst to timer første gang.
2. Omstart: trekk ut støpselet i 30 sekunder, eller hold av/på-knappen inne i 10 sekunder på hodetelefoner og robotstøvsugere.
3. Bluetooth og wifi: fjern enheten fra Bluetooth-listen på telefonen og par den på nytt; for mesh-wifi og robotstøvsugere må appen være oppdatert, og enheten bør stå nær ruteren under oppsettet.
4. Tilbakestilling: en fabrikktilbakestilling (se hurtigveiledningen) løser de fleste problemer med innstillinger.

Virker det fortsatt ikke? Send oss ordrenummeret, modellen og en kort video av hva som skjer, så hjelper vi deg videre eller oppretter en reklamasjon.`,
	},
	{
		id: '245',
		locale: 'de',
		topic: 'troubleshooting',
		title: 'Fehlerbehebung: Gerät startet nicht oder verbindet sich nicht',
		url: 'https://hilfe.nordlyshome.de/de/artikel/245-fehlerbehebung',
		body: `Die meisten Probleme lassen sich mit ein paar einfachen Schritten lösen:

1. Strom: Prüfen Sie den Stecker, probieren Sie eine andere Steckdose und achten Sie darauf, dass ein Netzschalter auf der Rückseite eingeschaltet ist. Akkugeräte (Kopfhörer, Saugroboter) beim ersten Mal mindestens zwei Stunden vollständig laden.
2. Neustart: Ziehen Sie den Stecker für 30 Sekunden, oder halten Sie bei Kopfhörern und Saugrobotern die Ein-/Aus-Taste 10 Sekunden gedrückt.
3. Bluetooth und WLAN: Entfernen Sie das Gerät aus der Bluetooth-Liste Ihres Handys und koppeln Sie es neu; beim Mesh-WLAN und bei Saugrobotern die App aktualisieren und das Gerät bei der Einrichtung nah an den Router stellen.
4. Zurücksetzen: Ein Werksreset (siehe Kurzanleitung) behebt die meisten Einstellungsprobleme.

Funktioniert es immer noch nicht? Schicken Sie uns Ihre Bestellnummer, das Modell und ein kurzes Video des Fehlers, dann helfen wir weiter oder legen einen Garantiefall an.`,
	},
];
