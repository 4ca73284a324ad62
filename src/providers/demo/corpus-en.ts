import {groupThousands, type LanguagePack} from './corpus.js';

const an = (model: string) => (/^[AEIOU]/.test(model) ? 'an' : 'a');

function pounds(eur: number): string {
	const value = Math.max(1, Math.round(eur * 0.85)) - 0.01;
	const [whole = '0', pence = '00'] = value.toFixed(2).split('.');
	return `£${groupThousands(Number(whole), ',')}.${pence}`;
}

/** British English customers (the shop ships to the UK) writing the way people write to a web shop. */
export const english: LanguagePack = {
	lang: 'en',
	locales: ['en-GB', 'en-GB', 'en'],
	firstNames: [
		'James',
		'Sarah',
		'Oliver',
		'Emma',
		'Tom',
		'Charlotte',
		'Daniel',
		'Hannah',
		'Chris',
		'Lucy',
		'Ben',
		'Rachel',
		'Matthew',
		'Amy',
		'Priya',
		'Aidan',
		'Sophie',
		'Gareth',
		'Fiona',
		'Callum',
	],
	lastNames: [
		'Smith',
		'Jones',
		'Taylor',
		'Brown',
		'Williams',
		'Wilson',
		'Evans',
		'Thomas',
		'Walker',
		'Roberts',
		'Patel',
		'Hughes',
		'Murphy',
		'Campbell',
		'Clarke',
		'Khan',
		'Morgan',
		'Bennett',
	],
	emailDomains: ['gmail.com', 'outlook.com', 'yahoo.co.uk', 'btinternet.com', 'icloud.com', 'hotmail.co.uk'],
	cities: [
		'London',
		'Manchester',
		'Bristol',
		'Leeds',
		'Edinburgh',
		'Glasgow',
		'Cardiff',
		'Brighton',
		'Newcastle',
		'York',
		'Norwich',
		'Belfast',
	],
	carriers: ['DPD', 'Royal Mail', 'Evri', 'DHL'],
	companies: [
		'Harbour Lane Dental Ltd',
		'Brick & Bean Coffee Co.',
		'Whitmore Accountancy LLP',
		'The Old Mill Coworking Ltd',
		'Northgate Lettings Ltd',
	],
	phone: {prefix: '+44', pattern: '7### ######'},
	shopHost: 'nordlyshome.co.uk',
	formatMoney: pounds,
	voucher: '£10',
	months: [
		'January',
		'February',
		'March',
		'April',
		'May',
		'June',
		'July',
		'August',
		'September',
		'October',
		'November',
		'December',
	],
	formatDate: (day, month) => `${day} ${month}`,
	item: {
		espresso: (m) => `${an(m)} ${m} espresso machine`,
		kettle: (m) => `a ${m} kettle`,
		headphones: (m) => `a pair of ${m} headphones`,
		router: (m) => `a ${m} mesh Wi-Fi system`,
		airfryer: (m) => `a ${m} air fryer`,
		blender: (m) => `a ${m} blender`,
		vacuum: (m) => `a ${m} robot vacuum`,
		knives: (m) => `a ${m} knife set`,
		pan: (m) => `a ${m} cast-iron pan`,
		soundbar: (m) => `a ${m} soundbar`,
		mixer: (m) => `a ${m} stand mixer`,
		toaster: (m) => `a ${m} toaster`,
	},
	customerGreetings: ['Hi,', 'Hello,', 'Hi there,', 'Dear Nordlys Home,', 'Hello Nordlys team,', ''],
	customerSignoffs: [
		(v) => `Thanks,\n${v.first}`,
		(v) => `Kind regards,\n${v.first} ${v.last}`,
		(v) => `Cheers,\n${v.first}`,
		(v) => `Best,\n${v.first}`,
		(v) => `Many thanks\n${v.first} ${v.last}`,
	],
	agentGreetings: [(v) => `Hi ${v.first},`, (v) => `Hello ${v.first},`, (v) => `Dear ${v.first},`],
	agentClosings: [
		(v) => `Kind regards,\n${v.agent}\nNordlys Home Customer Care`,
		(v) => `Best wishes,\n${v.agent}\nNordlys Home`,
		(v) => `All the best,\n${v.agent} | Nordlys Home Customer Care`,
	],
	agentClosingShort: (v) => `Best, ${v.agent}`,
	chasers: [
		(v) => `Just following up on my message below – could someone please get back to me? Order ${v.order}.`,
		() => "Hi again, I still haven't heard anything. It's been a few days now.",
		() => 'Any update on this? Thanks.',
		() => "Hello? I've emailed twice now and had no reply. Is anyone reading these?",
	],
	thanks: [
		() => "That's great, thank you so much for sorting it out!",
		(v) => `Brilliant, thanks ${v.agent}. All good now.`,
		() => 'Perfect, received. Thanks for the quick help.',
		() => 'Thank you – really appreciate it.',
	],
	reopens: [
		() => 'Sorry to come back on this, but the problem is back again since yesterday.',
		() => "Hi, unfortunately this isn't resolved after all – same issue as before.",
		() => "I'm afraid nothing has happened on my side yet. Can you check again please?",
	],
	autoReply:
		"Thanks for contacting Nordlys Home – this is an automatic confirmation that we've received your message.\n\nOur team usually replies within one working day. Please don't send your message again, as this can delay our answer.\n\nNordlys Home Customer Care",
	csatGood: [
		'Quick and friendly, thank you!',
		'Sorted in one reply. Great service.',
		'Very helpful, explained everything clearly.',
		'Fast refund, no hassle.',
		'Lovely agent, would buy again.',
	],
	csatBad: [
		'Took far too long to get an answer.',
		'I had to explain the same thing three times.',
		'Still no refund. Not impressed.',
		'The answer did not help at all.',
		'Copy-paste replies, nobody actually read my email.',
	],
	orderTable: {
		title: 'Your order:',
		item: 'Item',
		qty: 'Qty',
		price: 'Price',
		shipping: 'Delivery',
		total: 'Total',
		free: 'Free',
	},
	attachmentNames: {
		receipt: (order) => `receipt-${order}.pdf`,
		invoice: (order) => `invoice-${order}.pdf`,
		returnLabel: (rma) => `return-label-${rma}.pdf`,
		quote: (order) => `quote-Q${order}.pdf`,
	},
	scenarios: {
		'order-status': {
			subjects: [
				(v) => `Where is my order ${v.order}?`,
				(v) => `Order ${v.order} – no shipping update`,
				() => 'Order status?',
			],
			openings: [
				(v) =>
					`I placed order ${v.order} on ${v.orderDate} (${v.item}) and I still haven't had a dispatch email. The website just says "processing". Can you tell me when it will be sent?`,
				(v) =>
					`Could you let me know where my order is? Order number ${v.order}, placed on ${v.orderDate}. I need it before the weekend as it's a present.`,
			],
			followUps: [
				() => 'Thanks. The tracking link just says "label created" though – it hasn\'t moved in two days.',
				() => "OK, but I was told 2–4 working days when I ordered. Can't you send it express?",
			],
			replies: [
				(v) =>
					`Thank you for your patience. Your order ${v.order} was packed yesterday and handed over to ${v.carrier} this morning. You can follow it here: [track your parcel](https://track.demo.csr/${v.tracking})\n\nThe tracking usually updates within 24 hours of collection.`,
				(v) =>
					`I've checked order ${v.order}: the item was temporarily out of stock at our warehouse, which is why it hasn't been dispatched yet. New stock arrives tomorrow and your order is first in line – you'll get a shipping email as soon as it leaves us.`,
			],
			resolutions: [
				(v) =>
					`Good news – ${v.carrier} confirms the parcel is at your local depot and out for delivery tomorrow. Tracking number: ${v.tracking}.\n\nSorry for the wait, and enjoy your new ${v.product}!`,
				(v) =>
					`Your order has now been dispatched with ${v.carrier} (tracking ${v.tracking}) and should be with you within 1–2 working days. As it took longer than promised, I've refunded the delivery charge.`,
			],
		},
		'delivery-delay': {
			subjects: [
				(v) => `Parcel stuck in transit – order ${v.order}`,
				() => 'Delivery not arrived',
				(v) => `Still waiting for delivery (${v.order})`,
			],
			openings: [
				(v) =>
					`My order ${v.order} was supposed to arrive on ${v.deliveryDate}, but it still hasn't come. The ${v.carrier} tracking (${v.tracking}) hasn't changed for four days. What is going on?`,
				(v) =>
					`The tracking says my parcel was delivered yesterday but there's nothing here – not at the door, not with the neighbours. Order ${v.order}. Please help.`,
			],
			followUps: [
				() =>
					"I've checked with the neighbours and the building manager again – nothing. I'd like a replacement or my money back.",
				() => "Still nothing today. This was meant to be a birthday present, so I'm quite disappointed.",
			],
			replies: [
				(v) =>
					`I'm sorry your parcel is late. I've opened an investigation with ${v.carrier} for tracking number ${v.tracking}. They normally answer within 2–3 working days, and I'll get back to you as soon as I hear from them.\n\nIn the meantime, could you please confirm your delivery address, so I can rule out a typo?`,
				(v) =>
					`Thanks for letting us know. The driver's GPS scan shows the parcel was left near ${v.city}, which doesn't match your address. I've raised a claim with ${v.carrier} and asked them to check where it was left.`,
			],
			resolutions: [
				(v) =>
					`${v.carrier} has confirmed that the parcel was lost in transit, so I've sent a replacement today by express – new tracking number ${v.tracking}. If the original turns up after all, just refuse it or let us know.`,
				(v) =>
					`The parcel turned up at the ${v.carrier} depot – it had been missorted. It's been re-routed and will be delivered tomorrow. I've added a ${v.voucher} voucher to your account for the trouble.`,
			],
		},
		damaged: {
			subjects: [
				() => 'Item arrived damaged',
				(v) => `Broken on arrival – order ${v.order}`,
				(v) => `Damaged ${v.product}`,
			],
			openings: [
				(v) =>
					`My ${v.product} arrived today and the box was crushed on one corner. When I unpacked it, the glass part was cracked. I've attached some photos. Order ${v.order}.`,
				(v) =>
					`Unfortunately the ${v.product} I received is damaged – there's a big dent in the side and it rattles when I lift it. I haven't used it. Photos attached. What's the next step?`,
			],
			followUps: [
				() => 'Thanks – do I need to keep the box for the courier?',
				() => "I'd prefer a replacement rather than a refund if possible.",
			],
			replies: [
				() =>
					"I'm so sorry it arrived in that condition, and thank you for the photos – they make it very clear. Would you prefer a replacement or a full refund? Once you let me know I'll arrange it straight away, and you won't need to send the damaged one back.",
				(v) =>
					`Sorry about this! To get a replacement going I need one more photo: the label on the outer box, so we can file the claim with ${v.carrier}. Please keep the packaging until the case is closed.`,
			],
			resolutions: [
				(v) =>
					`I've sent you a new ${v.product} today (order ${v.order}-R, tracking ${v.tracking}). Please recycle the damaged one – there's no need to return it.`,
				(v) =>
					`I've refunded ${v.amount} to your original payment method. It should appear within 3–5 working days, depending on your bank.`,
			],
		},
		return: {
			subjects: [
				(v) => `Return request – order ${v.order}`,
				() => "I'd like to return an item",
				(v) => `How do I return the ${v.product}?`,
			],
			openings: [
				(v) =>
					`I'd like to return ${v.item} from order ${v.order}. The box hasn't even been opened – we've realised we simply don't have room for it in the kitchen. How do I go about it?`,
				(v) =>
					`I'd like to send back my order ${v.order}, as I've changed my mind. Could you send me a return label please?`,
			],
			followUps: [
				() => 'Thanks. Is the return free, or will you deduct postage from the refund?',
				(v) => `I've dropped the parcel off at the ${v.carrier} shop today.`,
			],
			replies: [
				(v) =>
					`Of course – you have 30 days to return items. Here's how:\n\n1. Log in to [the returns portal](https://nordlyshome.co.uk/returns) with your order number ${v.order}\n2. Choose the item and the reason\n3. Print the label and drop the parcel at any ${v.carrier} point\n\nYour return number is ${v.rma}. We'll refund you within 5 working days of receiving it.`,
			],
			resolutions: [
				(v) =>
					`We've received your return ${v.rma} and the refund of ${v.amount} has been processed today. It can take 3–5 working days to show on your statement.`,
				(v) =>
					`Your return label is attached. Please pack the item securely, preferably in the original box, and drop it off with ${v.carrier} within 14 days.`,
			],
		},
		exchange: {
			subjects: [
				() => 'Wrong colour received',
				(v) => `Exchange – order ${v.order}`,
				() => 'Can I swap for a bigger size?',
			],
			openings: [
				(v) => `I ordered ${v.item} in black but received the white version. Order ${v.order}. Can I exchange it?`,
				(v) =>
					`The ${v.product} is lovely, but it's too small for us. Can I swap it for the bigger model and pay the difference?`,
			],
			followUps: [
				() => 'Great. Should I wait for the new one before sending the old one back?',
				() => 'Yes please, the black one. Thanks!',
			],
			replies: [
				() =>
					"Sorry for the mix-up! Of course you can swap it. The black version is in stock, so I'll send it out as soon as you confirm. I've attached a free return label for the one you received.",
				() =>
					"Of course! The bigger model is in stock. I'll send it as soon as you confirm, and you'll only pay the difference in price. I've attached a free return label for the one you have now.",
			],
			resolutions: [
				(v) =>
					`I've sent the correct item today with ${v.carrier} (tracking ${v.tracking}). Please return the other one with the label within 14 days – there's no charge for the exchange.`,
			],
		},
		refund: {
			subjects: [
				() => 'Refund not received',
				(v) => `Still waiting for my refund – ${v.rma}`,
				() => 'Where is my money?',
			],
			openings: [
				(v) =>
					`I returned ${v.item} (order ${v.order}) over two weeks ago, and ${v.carrier} shows you received it on ${v.deliveryDate}. I still haven't got my refund of ${v.amount}. When can I expect it?`,
				(v) => `You promised a refund within 5 days. It's now been 12 days and nothing. Return number ${v.rma}.`,
			],
			followUps: [
				() =>
					"I've checked my bank again today and there's nothing there. Can you send me some proof that it has been paid?",
				() => "OK. Which card did it go back to? I've got two.",
			],
			replies: [
				() =>
					"I'm sorry for the delay. Your return was received at our warehouse, but the quality check hadn't been completed – that's what held up the refund. I've asked the warehouse to prioritise it today and will let you know as soon as it's paid.",
			],
			resolutions: [
				(v) =>
					`The refund of ${v.amount} was processed today to the card you paid with. Depending on your bank, it can take 3–5 working days to show. The reference on your statement will be NH-${v.order}.`,
			],
		},
		billing: {
			subjects: [
				(v) => `Charged twice for order ${v.order}`,
				() => 'Invoice with VAT needed',
				() => 'Payment question',
			],
			openings: [
				(v) =>
					`I've been charged twice for order ${v.order} – there are two payments of ${v.amount} on my card statement. Please refund one of them.`,
				(v) =>
					`Could you send me an invoice for order ${v.order} with VAT shown? I need it for my company's accounts. The company name is ${v.company}.`,
			],
			followUps: [
				() => 'The second payment is still showing today though.',
				(v) => `To the company, please – ${v.company}, VAT number GB 284 5591 03. Same address as on the order.`,
			],
			replies: [
				(v) =>
					`Thanks for getting in touch. I've checked, and we only captured one payment of ${v.amount}. The other is a reservation (an authorisation) from when you first tried to pay – it's not a charge, and your bank will release it automatically within 3–7 days.`,
				() =>
					"Of course! Should the invoice be made out to you or to the company? If it's the company, please send me its VAT number and address, and I'll issue it straight away.",
			],
			resolutions: [
				(v) =>
					`I've attached the invoice for order ${v.order} with VAT shown. If you need anything else for your records, just let me know.`,
				(v) =>
					`Our payment provider has confirmed that the second payment has now been cancelled. You'll see the ${v.amount} back on your account within a few days.`,
			],
		},
		'coffee-machine': {
			subjects: [
				(v) => `${v.product} leaking water`,
				(v) => `Coffee machine showing error ${v.error}`,
				() => "Espresso machine won't heat up",
			],
			openings: [
				(v) =>
					`My ${v.product} has started leaking water underneath whenever I make a coffee. It's about ${v.months} months old and I descale it regularly. Is there anything I can do, or is this a warranty case?`,
				(v) =>
					`The coffee machine shows error ${v.error} and just blinks. I've tried turning it off and on again and refilling the water tank. Model ${v.product}.`,
				(v) => `Since this morning my ${v.product} only makes lukewarm coffee. The pump sounds normal. Any ideas?`,
			],
			followUps: [
				() => "I've run the descaling programme as you suggested, but it's still leaking. Video attached.",
				(v) => `Serial number is on the bottom: ${v.serial}. The error came back after two cups.`,
				() => 'Ran the descaling programme twice and the coffee is hot again – thank you!',
			],
			replies: [
				(v) =>
					`Sorry to hear about your machine! Error ${v.error} usually means air has got into the water circuit. Please try this:\n\n- Remove the water tank and refill it with fresh water\n- Put a cup under the steam wand and open it for 30 seconds\n- Run the rinse programme twice\n\nIf the error comes back, please send me the serial number (on the sticker under the drip tray) and we'll arrange a warranty repair.`,
				() =>
					"Sorry to hear that! Leaks and lukewarm coffee are most often caused by limescale. Please run the descaling programme (Menu → Care → Descale) with a proper descaler, and let me know how it goes. If it doesn't help, please send me the serial number from the sticker under the drip tray and we'll look at a warranty repair.",
			],
			resolutions: [
				(v) =>
					`Thanks for trying everything. As the machine is within warranty, we'll replace it. I've booked a collection with ${v.carrier} – the driver will bring the new machine and take the old one at the same time. Please empty the water tank and the drip tray beforehand.`,
				() => 'Glad the descaling did the trick! With hard water we recommend descaling every 4–6 weeks.',
			],
		},
		headphones: {
			subjects: [
				(v) => `${v.product} won't connect`,
				() => 'Left earbud not working',
				() => 'Noise cancelling stopped working',
			],
			openings: [
				(v) =>
					`My ${v.product} won't pair with my phone any more. They did until yesterday. I've restarted my phone and turned Bluetooth off and on. iPhone 14, iOS up to date.`,
				(v) =>
					`The left earbud keeps cutting out every few minutes, while the right one is fine. I've had them for ${v.months} months.`,
			],
			followUps: [
				() => 'I did the reset but now neither earbud shows up in Bluetooth.',
				() => 'Updated the firmware via the app, it seems better now. Will keep an eye on it.',
			],
			replies: [
				(v) =>
					`Thanks for the details. Please try a full reset:\n\n1. Put both earbuds in the case and leave the lid open\n2. Press and hold the button on the case for 15 seconds until the light flashes white\n3. Delete "${v.product}" from your phone's Bluetooth list and pair again\n\nAlso make sure the firmware is updated to 2.1.4 in the Nordlys Sound app – that update fixes dropouts on the left earbud.`,
			],
			resolutions: [
				() =>
					"As the reset and the update didn't help, it's a hardware fault, so I've arranged a replacement under warranty. A prepaid return label is attached – send the old pair back in the case and we'll send the new ones as soon as your parcel is scanned.",
				() => "Great to hear they're working again! I'll close this case, but just reply here if the dropouts return.",
			],
		},
		router: {
			subjects: [
				() => 'Wi-Fi keeps dropping',
				(v) => `${v.product} setup fails`,
				() => 'Internet slow since installing mesh',
			],
			openings: [
				(v) =>
					`Since setting up the ${v.product}, our Wi-Fi drops several times a day for a minute or two. All three units show a white light. The ISP says the line is fine. Any ideas?`,
				(v) =>
					`I can't finish the setup of my ${v.product}. The app gets stuck on "Looking for your router" and then times out. I've tried three times.`,
			],
			followUps: [
				(v) => `Here's the diagnostics code from the app: ${v.diag}.`,
				() => "Moved the satellite closer as suggested – it's better, but the upstairs unit is still orange.",
			],
			replies: [
				() =>
					'Thanks for getting in touch. Could you please run a diagnostic from the app (Settings → Support → Send diagnostics) and reply with the code it gives you? In the meantime, try placing the satellite units no more than two rooms apart and away from microwaves and baby monitors.',
			],
			resolutions: [
				() =>
					"The diagnostics show heavy interference on channel 11. I've switched your system to channel 1 remotely and updated the firmware to 3.4.2. It should be much more stable now – let me know if you still see drops after a couple of days.",
				() =>
					"The main unit has a faulty Ethernet port, so I'm sending you a replacement today. You can keep using the old one until the new one arrives.",
			],
		},
		'app-login': {
			subjects: [
				() => "Can't log in to the app",
				() => 'App login broken after update',
				() => 'Nordlys Home app: "Something went wrong"',
			],
			openings: [
				() =>
					'Since this morning I can\'t log in to the Nordlys Home app. It just says "Something went wrong, please try again later". I\'ve reinstalled it twice. I need it for the timer on my coffee machine.',
				() =>
					"After the latest app update, the login page just spins forever. Both on my phone and my partner's. Is there a problem on your end?",
			],
			followUps: [
				() => 'Still not working this evening.',
				() => "Any news? Reset password doesn't work either – no email arrives.",
			],
			replies: [
				() =>
					"Thanks for letting us know, and sorry for the trouble. We're currently seeing login problems in the Nordlys Home app for some customers, and our developers are working on a fix. You don't need to reinstall the app or reset your password – we'll update you here as soon as it's fixed.",
			],
			resolutions: [
				() =>
					'The login issue was fixed at 14:20 today. Please close the app completely and open it again – you should be able to log in as normal. Sorry for the inconvenience!',
			],
		},
		complaint: {
			subjects: [
				() => 'Very disappointed with your service',
				() => 'Complaint about delivery driver',
				() => 'Terrible experience',
			],
			openings: [
				(v) =>
					`I want to make a formal complaint. I have now called your customer service three times about order ${v.order}, and every time I'm promised a call back that never comes. This is not acceptable.`,
				(v) =>
					`Your delivery driver left my parcel in the rain outside the front door, even though I was at home. The box was soaked through. Order ${v.order}. I'm not happy.`,
			],
			followUps: [
				() =>
					"Thank you for the apology, but I'd still like to know what you'll do to make sure it doesn't happen again.",
				() => 'A voucher is nice, but I just want the item I paid for.',
			],
			replies: [
				() =>
					"I'm really sorry – you should not have had to chase us like this. I've looked into what happened, and your case was passed between teams without anyone taking ownership. I'm now personally responsible for it and will get back to you by tomorrow at the latest.",
				(v) =>
					`I'm really sorry – that's not how your parcel should be treated. I've reported the delivery to ${v.carrier} and asked them to follow up with the driver. Was anything inside damaged? If so, we'll send a replacement straight away.`,
			],
			resolutions: [
				(v) =>
					`Thank you for your patience. I've spoken to ${v.carrier} about the delivery, and they have raised it with the driver. As an apology, I've refunded the delivery charge and added a ${v.voucher} gift card to your account.`,
				(v) =>
					`I've been through order ${v.order}, and everything is now on its way – tracking number ${v.tracking}. As an apology I've added a ${v.voucher} voucher to your account, and I've passed your feedback to our team lead so that promised call-backs actually happen.`,
			],
		},
		'pre-sales': {
			subjects: [
				(v) => `Question about the ${v.product}`,
				(v) => `Is the ${v.product} in stock?`,
				() => 'Before I buy…',
			],
			openings: [
				(v) =>
					`I'm thinking of buying ${v.item}. Does it come with a UK plug, and what's the warranty? Also, how long does delivery to ${v.city} take?`,
				(v) => `Will the ${v.product} be back in stock soon? The website has said "coming soon" for weeks.`,
				(v) => `Can I pay with Klarna and split the payment? I'm considering ${v.item}.`,
			],
			followUps: [() => 'Thanks! Can I reserve one?', () => "Great, I'll order today then."],
			replies: [
				(v) =>
					`Thanks for your interest! Yes, it comes with a UK plug and a 2-year warranty. Delivery to ${v.city} normally takes 2–4 working days. We have it in stock, so if you order today it will be sent tomorrow.`,
				() =>
					"It's due back in stock next week. Would you like me to set up a stock alert, so you get an email the moment you can order it?",
				() =>
					'Yes – you can pay by card, PayPal or Klarna. With Klarna you can split the payment into 3 interest-free instalments; just choose it at checkout.',
			],
			resolutions: [
				(v) =>
					`We expect new stock of the ${v.product} next week. I've signed you up for a stock alert, so you'll get an email the moment it's available to order.`,
				() =>
					'Yes, you can pay by card, PayPal or Klarna – with Klarna you can split the payment into 3 interest-free instalments.',
				() =>
					"Lovely – thanks for choosing us! If you have any questions once it's arrived, just reply to this message.",
			],
		},
		'review-negative': {
			subjects: [(v) => `New review (1★) from ${v.first} ${v.last.slice(0, 1)}.`, () => 'Trustpilot review: 2 stars'],
			openings: [
				(v) =>
					`Ordered ${v.item}, it arrived two weeks late and nobody answered my emails. When the parcel finally came the box was smashed. Won't be ordering again.`,
				() =>
					'Customer service is a joke. Waited 9 days for a reply about a refund. The product itself is fine, but the service ruins it.',
			],
			followUps: [() => "I've sent you the order number by email now."],
			replies: [
				(v) =>
					`Hi ${v.first}, thank you for taking the time to write this, and I'm sorry we let you down. That's not the experience we want anyone to have. Could you email your order number to hello@nordlyshome.co.uk, marked for my attention? I'll personally make sure it's sorted.`,
			],
			resolutions: [
				(v) =>
					`Thanks for getting back to us, ${v.first}. We've now refunded your delivery charge, and I hope we'll get the chance to do better next time.`,
			],
		},
		'review-positive': {
			subjects: [(v) => `New review (5★) from ${v.first}`, () => 'Trustpilot review: 5 stars'],
			openings: [
				(v) =>
					`Super fast delivery and the ${v.product} is even better than expected. Easy returns too. Highly recommend!`,
				() => 'Had a problem with my order and customer service sorted it within a day. Friendly and helpful. 5 stars.',
			],
			followUps: [() => 'Thanks for the reply!'],
			replies: [
				(v) =>
					`Thank you so much for the lovely review, ${v.first}! We're really happy to hear you're enjoying your ${v.product}.`,
			],
			resolutions: [() => "Thanks again for the kind words – we'll pass them on to the whole team!"],
		},
		b2b: {
			subjects: [
				(v) => `Quote for ${v.qty} × ${v.product}`,
				() => 'Business order – volume discount?',
				() => 'Office kitchen equipment',
			],
			openings: [
				(v) =>
					`We're refurbishing the office kitchens at ${v.company} and would like a quote for ${v.qty} × ${v.product}, delivered to our office in ${v.city}. Do you offer volume discounts and payment by invoice (30 days)?`,
			],
			followUps: [
				() => "Thanks. Could you include installation, or isn't that something you offer?",
				() => 'Our VAT number is GB 284 5591 03. Please go ahead.',
			],
			replies: [
				(v) =>
					`Thank you for your enquiry! For ${v.qty} units we can offer 12% off the list price and payment by invoice with 30 days' credit. I've attached a quote valid for 30 days. Could you confirm the delivery address and your VAT number?`,
			],
			resolutions: [
				() =>
					'The order is confirmed, and delivery is booked for next Tuesday between 8:00 and 12:00. The invoice will be emailed to your accounts department.',
			],
		},
		warranty: {
			subjects: [
				(v) => `${v.product} stopped working`,
				() => 'Warranty claim',
				(v) => `Faulty after ${v.months} months`,
			],
			openings: [
				(v) =>
					`My ${v.product} stopped working completely after ${v.months} months. No lights, nothing. I've tried different sockets. I bought it from you – order ${v.order}. Is it covered by the warranty?`,
				(v) =>
					`The ${v.product} has started making a loud grinding noise and smells of burning. I've stopped using it. It's ${v.months} months old.`,
			],
			followUps: [
				() => "Receipt attached. Do I need to send it back in the original box? I don't have it any more.",
				() => 'OK, when will the courier come?',
			],
			replies: [
				() =>
					"Sorry to hear that! Yes, it's covered by our 2-year warranty. Please send me a photo of the rating label (underneath) and I'll register the claim. You don't need the original box – any sturdy box will do.",
			],
			resolutions: [
				(v) =>
					`The claim is approved. ${v.carrier} will collect the faulty ${v.product} on ${v.deliveryDate}, and we'll send a new one as soon as it's been scanned. Your case number is ${v.rma}.`,
			],
		},
		cancel: {
			subjects: [(v) => `Cancel order ${v.order}`, () => 'Change delivery address', () => 'Please cancel my order'],
			openings: [
				(v) => `I ordered twice by mistake – please cancel order ${v.order}. I only need one.`,
				(v) => `Can I change the delivery address on order ${v.order}? I've just realised I put my old address.`,
			],
			followUps: [
				() => "Yes, that's right. And the money comes back automatically?",
				(v) => `The new address is Flat 3, 14 Park Road, ${v.city}.`,
			],
			replies: [
				() =>
					'I can help with that. Could you confirm the full new address, including the postcode? The order is due to be packed this afternoon, so the sooner the better.',
				(v) =>
					`I can see order ${v.order} hasn't been packed yet, so I can cancel it. Just to be sure: you'd like ${v.order} cancelled and the other order kept as it is?`,
			],
			resolutions: [
				(v) =>
					`Your order ${v.order} has been cancelled and the full amount of ${v.amount} has been refunded. The money should be back in your account within 3–5 working days.`,
				(v) => `I've updated the delivery address on order ${v.order}. You'll get a new tracking email once it ships.`,
			],
		},
	},
};
