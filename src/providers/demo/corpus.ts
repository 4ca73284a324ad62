import type {Channel, Priority} from '../../domain/ticket.js';

/**
 * The demo desk's world: Nordlys Home, a Nordic online shop for home electronics and kitchen gear, its teams and
 * products, and the scenarios customers write about. The text for each language lives in corpus-<lang>.ts; this file
 * holds what is shared (metadata, products, agents' internal notes, which are in English everywhere).
 */

export const languages = ['en', 'da', 'sv', 'nb', 'de'] as const;
export type Lang = (typeof languages)[number];

export const productKinds = [
	'espresso',
	'kettle',
	'headphones',
	'router',
	'airfryer',
	'blender',
	'vacuum',
	'knives',
	'pan',
	'soundbar',
	'mixer',
	'toaster',
] as const;
export type ProductKind = (typeof productKinds)[number];

export type Product = {readonly kind: ProductKind; readonly model: string; readonly priceEur: number};

export const products: readonly Product[] = [
	{kind: 'espresso', model: 'Aroma Duo', priceEur: 399},
	{kind: 'espresso', model: 'Aroma Duo Plus', priceEur: 549},
	{kind: 'espresso', model: 'Barista One', priceEur: 699},
	{kind: 'kettle', model: 'Fjord 1.7', priceEur: 59},
	{kind: 'kettle', model: 'Fjord Temp', priceEur: 89},
	{kind: 'headphones', model: 'Aurora ANC 700', priceEur: 249},
	{kind: 'headphones', model: 'Aurora Buds 2', priceEur: 129},
	{kind: 'router', model: 'Meshly Home', priceEur: 299},
	{kind: 'router', model: 'Meshly Mini', priceEur: 119},
	{kind: 'airfryer', model: 'Sprød XL', priceEur: 149},
	{kind: 'airfryer', model: 'Sprød Duo', priceEur: 199},
	{kind: 'blender', model: 'Virvel 1200', priceEur: 99},
	{kind: 'blender', model: 'Virvel Go', priceEur: 49},
	{kind: 'vacuum', model: 'Støvle S8', priceEur: 349},
	{kind: 'vacuum', model: 'Støvle S8 Max', priceEur: 499},
	{kind: 'knives', model: 'Skarp Chef 5', priceEur: 179},
	{kind: 'pan', model: 'Gløde 28', priceEur: 79},
	{kind: 'pan', model: 'Gløde 24', priceEur: 65},
	{kind: 'soundbar', model: 'Klang 300', priceEur: 229},
	{kind: 'soundbar', model: 'Klang 500', priceEur: 349},
	{kind: 'mixer', model: 'Deig Pro 5L', priceEur: 399},
	{kind: 'toaster', model: 'Rist 2', priceEur: 45},
	{kind: 'toaster', model: 'Rist 4', priceEur: 69},
];

/** Everything a template may use; each language pack formats amounts and dates its own way. */
export type TextVars = {
	/** The customer's first and last name. */
	readonly first: string;
	readonly last: string;
	readonly order: string;
	/** The product's model name, used like a proper noun. */
	readonly product: string;
	/** The product as an object with its article, in the pack's language: "an Aroma Duo espresso machine". */
	readonly item: string;
	readonly amount: string;
	readonly voucher: string;
	readonly orderDate: string;
	readonly deliveryDate: string;
	/** An English short date for internal notes: "3 Mar". */
	readonly noteDate: string;
	readonly carrier: string;
	readonly tracking: string;
	readonly rma: string;
	readonly claim: string;
	/** The agent's first name (how replies are signed). */
	readonly agent: string;
	readonly city: string;
	readonly error: string;
	readonly diag: string;
	readonly serial: string;
	readonly months: number;
	readonly qty: number;
	readonly company: string;
};

export type Template = (v: TextVars) => string;

export const scenarioKeys = [
	'order-status',
	'delivery-delay',
	'damaged',
	'return',
	'exchange',
	'refund',
	'billing',
	'coffee-machine',
	'headphones',
	'router',
	'app-login',
	'complaint',
	'pre-sales',
	'review-negative',
	'review-positive',
	'b2b',
	'warranty',
	'cancel',
] as const;
export type ScenarioKey = (typeof scenarioKeys)[number];

/** What a customer of one scenario writes and what agents answer, in one language. */
export type ScenarioText = {
	readonly subjects: readonly Template[];
	/** The customer's first message (without greeting and sign-off, which the generator adds per channel). */
	readonly openings: readonly Template[];
	/** The customer writing again: more information, or chasing. */
	readonly followUps: readonly Template[];
	/** An agent's first public answer: asks for what is missing or explains the next step. */
	readonly replies: readonly Template[];
	/** An agent's answer that solves the case. */
	readonly resolutions: readonly Template[];
};

/** One language's voice: names, places, formats, the phrases around every message, and the scenarios. */
export type LanguagePack = {
	readonly lang: Lang;
	/** Requester locales, most common first. */
	readonly locales: readonly string[];
	readonly firstNames: readonly string[];
	readonly lastNames: readonly string[];
	readonly emailDomains: readonly string[];
	readonly cities: readonly string[];
	readonly carriers: readonly string[];
	readonly companies: readonly string[];
	/** Country calling code and a local number pattern (# = digit). */
	readonly phone: {readonly prefix: string; readonly pattern: string};
	readonly shopHost: string;
	readonly formatMoney: (eur: number) => string;
	/** A goodwill voucher, formatted. */
	readonly voucher: string;
	readonly months: readonly string[];
	readonly formatDate: (day: number, month: string) => string;
	readonly item: Record<ProductKind, (model: string) => string>;
	readonly customerGreetings: readonly string[];
	readonly customerSignoffs: readonly Template[];
	readonly agentGreetings: readonly Template[];
	readonly agentClosings: readonly Template[];
	/** Sign-off in chat, social media and SMS. */
	readonly agentClosingShort: Template;
	readonly chasers: readonly Template[];
	readonly thanks: readonly Template[];
	readonly reopens: readonly Template[];
	readonly autoReply: string;
	readonly csatGood: readonly string[];
	readonly csatBad: readonly string[];
	/** Labels of the order summary table some replies carry. */
	readonly orderTable: {
		readonly title: string;
		readonly item: string;
		readonly qty: string;
		readonly price: string;
		readonly shipping: string;
		readonly total: string;
		readonly free: string;
	};
	readonly attachmentNames: {
		readonly receipt: (order: string) => string;
		readonly invoice: (order: string) => string;
		readonly returnLabel: (rma: string) => string;
		readonly quote: (order: string) => string;
	};
	readonly scenarios: Record<ScenarioKey, ScenarioText>;
};

/** 1234567 → "1.234.567" with the given separator. */
export function groupThousands(value: number, separator: string): string {
	return String(Math.trunc(value)).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** A shop price in a local currency: converted, then rounded to end in 9 like the shop's price list. */
export function localPrice(eur: number, rate: number): number {
	return Math.max(9, Math.round((eur * rate) / 10) * 10 - 1);
}

export const groupNames = ['Support', 'Billing', 'Returns', 'Technical', 'Sales'] as const;
export type GroupName = (typeof groupNames)[number];

export type DemoAgent = {readonly name: string; readonly email: string; readonly group: GroupName};

/** The demo agent first (the built-in profile's email), then the shop's team. */
export const agents: readonly DemoAgent[] = [
	{name: 'Demo Agent', email: 'you@demo.csr', group: 'Support'},
	{name: 'Freja Holm', email: 'freja.holm@nordlyshome.dk', group: 'Support'},
	{name: 'Mads Kjær', email: 'mads.kjaer@nordlyshome.dk', group: 'Technical'},
	{name: 'Elin Lindqvist', email: 'elin.lindqvist@nordlyshome.dk', group: 'Returns'},
	{name: 'Jonas Bakke', email: 'jonas.bakke@nordlyshome.dk', group: 'Support'},
	{name: 'Katrin Vogel', email: 'katrin.vogel@nordlyshome.dk', group: 'Billing'},
	{name: 'Oliver Grant', email: 'oliver.grant@nordlyshome.dk', group: 'Technical'},
	{name: 'Sanna Virtanen', email: 'sanna.virtanen@nordlyshome.dk', group: 'Sales'},
	{name: 'Amira Haddad', email: 'amira.haddad@nordlyshome.dk', group: 'Billing'},
];

type Weights<K extends string> = Partial<Record<K, number>>;

export type AttachmentKind = 'photos' | 'screenshot' | 'video' | 'receipt' | 'label' | 'invoice' | 'quote';
export type AttachmentSlot = {readonly kind: AttachmentKind; readonly index?: number};

/**
 * Template indexes that make one coherent thread (the packs keep the same order in every language); an index left
 * out is picked at random. `oneTouch` is the resolution to use when an agent solves the ticket in one reply, null when
 * the story cannot be solved without a question first.
 */
export type ThreadPath = {
	readonly opening?: number;
	readonly reply?: number;
	readonly followUp?: number;
	readonly resolution?: number;
	readonly oneTouch?: number | null;
};

/** Language-independent facts about a scenario. */
export type ScenarioMeta = {
	readonly key: ScenarioKey;
	readonly weight: number;
	readonly group: GroupName;
	readonly tags: readonly string[];
	/** Products it can be about; null when it is about no product (the app). */
	readonly kinds: readonly ProductKind[] | null;
	readonly channels: Weights<Channel>;
	readonly priorities: Weights<Priority | 'none'>;
	/** Internal notes agents leave on it (English shorthand). */
	readonly notes: readonly Template[];
	/** Files customers or agents attach; `index` limits it to the template (same order in every pack) that mentions it. */
	readonly attachments: {
		readonly opening?: AttachmentSlot;
		readonly followUp?: AttachmentSlot;
		readonly reply?: AttachmentSlot;
		readonly resolution?: AttachmentSlot;
	};
	readonly paths?: readonly ThreadPath[];
	/** Subjects that fit each opening (by index); all of them when absent. */
	readonly subjects?: readonly (readonly number[])[];
	/** Replies may carry an order summary table. */
	readonly orderTable?: boolean;
	/** Only happens recently: an ongoing incident, frequent among the tickets of the last 36 hours. */
	readonly recentOnly?: boolean;
};

const mailChannels: Weights<Channel> = {email: 46, web: 18, chat: 14, phone: 10, social: 7, sms: 3, api: 2};
const appliances: readonly ProductKind[] = [
	'espresso',
	'kettle',
	'blender',
	'airfryer',
	'soundbar',
	'toaster',
	'mixer',
	'vacuum',
];
const anyProduct: readonly ProductKind[] = productKinds;

export const scenarios: readonly ScenarioMeta[] = [
	{
		key: 'order-status',
		weight: 12,
		group: 'Support',
		tags: ['order_status', 'delivery'],
		kinds: anyProduct,
		channels: {...mailChannels, chat: 20},
		priorities: {normal: 60, low: 20, high: 8, none: 12},
		notes: [
			(v) => `WMS: packed ${v.noteDate}, handed to ${v.carrier} same day. Tracking ${v.tracking} ok, no exceptions.`,
			(v) => `Backorder on ${v.product} – supplier ETA ${v.noteDate}. Told cust, offered cancel.`,
			() => 'Cust called re same order, a bit impatient. Pls prioritise.',
		],
		paths: [
			{opening: 0, reply: 1, followUp: 1, resolution: 1, oneTouch: 1},
			{opening: 1, reply: 0, followUp: 0, resolution: 0, oneTouch: 0},
			{opening: 0, reply: 0, followUp: 0, resolution: 0, oneTouch: 1},
		],
		attachments: {},
		orderTable: true,
	},
	{
		key: 'delivery-delay',
		weight: 10,
		group: 'Support',
		tags: ['delivery', 'carrier'],
		kinds: anyProduct,
		channels: mailChannels,
		priorities: {normal: 50, high: 30, urgent: 5, low: 5, none: 10},
		notes: [
			(v) => `Opened carrier investigation ${v.claim} w/ ${v.carrier}. Follow up Thu if no answer.`,
			(v) => `POD GPS ~600 m off the address. Claim ${v.claim} filed, reship if nothing by Fri.`,
			(v) => `${v.carrier} says parcel is in the sorting hub since ${v.noteDate}. Chased them.`,
		],
		paths: [
			{opening: 0, reply: 0, followUp: 1, resolution: 0},
			{opening: 0, reply: 0, followUp: 1, resolution: 1},
			{opening: 1, reply: 1, followUp: 0, resolution: 0},
			{opening: 1, reply: 0, followUp: 0, resolution: 1},
		],
		subjects: [
			[0, 1, 2],
			[1, 2],
		],
		attachments: {},
	},
	{
		key: 'damaged',
		weight: 7,
		group: 'Returns',
		tags: ['damaged', 'claim'],
		kinds: ['espresso', 'kettle', 'blender'],
		channels: {email: 50, web: 25, chat: 10, social: 8, phone: 7},
		priorities: {high: 45, normal: 45, urgent: 3, none: 7},
		notes: [
			() => 'Photos confirm transport damage. Replacement approved, no return needed (value < 200 EUR).',
			(v) => `Damage claim ${v.claim} to ${v.carrier} filed with photos.`,
			() => 'Outer box fine, inner damage → possibly packing issue at DC. Flagged to warehouse lead.',
		],
		paths: [
			{reply: 0, followUp: 1, resolution: 0},
			{reply: 1, followUp: 0, resolution: 0},
			{reply: 0, followUp: 0, resolution: 1},
		],
		attachments: {opening: {kind: 'photos'}},
	},
	{
		key: 'return',
		weight: 9,
		group: 'Returns',
		tags: ['return'],
		kinds: anyProduct,
		channels: {...mailChannels, api: 8},
		priorities: {normal: 55, low: 35, none: 10},
		notes: [
			(v) => `Within 30d, unopened. RMA ${v.rma} created, label sent.`,
			(v) => `Return ${v.rma} received at Taulov DC, QC passed.`,
			() => 'Cust outside 30d by 2 days – accepted as goodwill.',
		],
		paths: [
			{followUp: 1, resolution: 0, oneTouch: 1},
			{followUp: 0, resolution: 1, oneTouch: 1},
		],
		attachments: {resolution: {kind: 'label', index: 1}},
		orderTable: true,
	},
	{
		key: 'exchange',
		weight: 5,
		group: 'Returns',
		tags: ['exchange', 'wrong_item'],
		kinds: ['pan', 'kettle', 'toaster', 'mixer'],
		channels: mailChannels,
		priorities: {normal: 60, low: 30, none: 10},
		notes: [
			() => 'Picked wrong SKU (white vs black). Exchange order created, free label.',
			(v) => `Exchange order ${v.order}-X created, return label sent. No charge.`,
		],
		paths: [
			{opening: 0, reply: 0, followUp: 1, resolution: 0, oneTouch: 0},
			{opening: 0, reply: 0, followUp: 0, resolution: 0, oneTouch: 0},
			{opening: 1, reply: 1, followUp: 0, resolution: 0, oneTouch: 0},
		],
		subjects: [
			[0, 1],
			[1, 2],
		],
		attachments: {reply: {kind: 'label'}},
	},
	{
		key: 'refund',
		weight: 8,
		group: 'Billing',
		tags: ['refund'],
		kinds: anyProduct,
		channels: {email: 55, web: 15, chat: 10, phone: 12, social: 6, sms: 2},
		priorities: {high: 35, normal: 50, urgent: 5, none: 10},
		notes: [
			(v) => `Return received ${v.noteDate}, QC pending for 9 days (!). Pinged warehouse lead.`,
			() => 'Refund pushed manually in Adyen. ARN sent to cust.',
			(v) => `Refund ${v.amount} approved, over 500 EUR limit → needed finance sign-off (Amira).`,
		],
		attachments: {},
		orderTable: true,
	},
	{
		key: 'billing',
		weight: 6,
		group: 'Billing',
		tags: ['payment', 'invoice'],
		kinds: anyProduct,
		channels: {email: 65, web: 20, phone: 10, chat: 5},
		priorities: {normal: 55, high: 25, low: 10, none: 10},
		notes: [
			() => 'Adyen: 1 capture + 1 auth (expired). No double charge. Explained.',
			(v) => `Invoice regenerated with company name ${v.company} + VAT no.`,
			() => 'Double capture confirmed (!), refunded the second one. Reported to payments team.',
		],
		paths: [
			{opening: 0, reply: 0, followUp: 0, resolution: 1, oneTouch: 1},
			{opening: 1, reply: 1, followUp: 1, resolution: 0, oneTouch: 0},
		],
		subjects: [
			[0, 2],
			[1, 2],
		],
		attachments: {resolution: {kind: 'invoice', index: 0}},
		orderTable: true,
	},
	{
		key: 'coffee-machine',
		weight: 7,
		group: 'Technical',
		tags: ['coffee_machine', 'troubleshooting', 'warranty'],
		kinds: ['espresso'],
		channels: {email: 45, web: 20, phone: 15, chat: 15, social: 5},
		priorities: {normal: 50, high: 30, low: 10, none: 10},
		notes: [
			(v) => `Error ${v.error} = air in the water circuit / flow meter. Sent bleed procedure.`,
			() => 'Known gasket issue batch 23-41. Warranty swap approved.',
			(v) => `Serial ${v.serial} checked – production week 41, affected batch.`,
		],
		paths: [
			{opening: 1, reply: 0, followUp: 1, resolution: 0, oneTouch: 0},
			{opening: 0, reply: 1, followUp: 0, resolution: 0, oneTouch: 0},
			{opening: 2, reply: 1, followUp: 2, resolution: 1, oneTouch: 0},
		],
		subjects: [[0], [1], [2]],
		attachments: {followUp: {kind: 'video', index: 0}},
	},
	{
		key: 'headphones',
		weight: 6,
		group: 'Technical',
		tags: ['headphones', 'bluetooth', 'troubleshooting'],
		kinds: ['headphones'],
		channels: {email: 40, chat: 25, web: 20, social: 10, phone: 5},
		priorities: {normal: 60, low: 20, high: 10, none: 10},
		notes: [
			() => 'FW 2.1.4 fixes left bud dropouts. If no luck → RMA.',
			(v) => `Reset didn't help, HW fault. RMA ${v.rma} created.`,
		],
		paths: [
			{followUp: 0, resolution: 0, oneTouch: 0},
			{followUp: 1, resolution: 1, oneTouch: 0},
		],
		subjects: [[0], [1]],
		attachments: {opening: {kind: 'screenshot'}, resolution: {kind: 'label', index: 0}},
	},
	{
		key: 'router',
		weight: 5,
		group: 'Technical',
		tags: ['router', 'wifi', 'troubleshooting'],
		kinds: ['router'],
		channels: {email: 40, chat: 25, phone: 20, web: 15},
		priorities: {high: 40, normal: 45, urgent: 5, none: 10},
		notes: [
			() => 'Diag shows ch 11 congestion, 40+ neighbouring APs. Switched to ch 1 remotely.',
			(v) => `Diag ${v.diag}: ethernet port on main node dead. Advance replacement.`,
		],
		paths: [
			{opening: 0, followUp: 0, resolution: 0, oneTouch: 0},
			{opening: 0, followUp: 1, resolution: 0, oneTouch: 0},
			{opening: 1, followUp: 0, resolution: 1, oneTouch: 1},
		],
		subjects: [[0, 2], [1]],
		attachments: {opening: {kind: 'screenshot'}},
	},
	{
		key: 'app-login',
		weight: 6,
		group: 'Technical',
		tags: ['app_login', 'outage', 'incident_2291'],
		kinds: null,
		channels: {email: 35, social: 20, chat: 20, web: 15, sms: 5, phone: 5},
		priorities: {high: 50, normal: 35, urgent: 10, none: 5},
		notes: [
			() => 'Part of INC-2291 (auth service). No individual troubleshooting – outage macro once fixed.',
			() => 'Linked to INC-2291. Cust on Android 14, app 5.12.0.',
		],
		attachments: {opening: {kind: 'screenshot'}},
		recentOnly: true,
	},
	{
		key: 'complaint',
		weight: 4,
		group: 'Support',
		tags: ['complaint', 'escalated'],
		kinds: anyProduct,
		channels: {email: 55, phone: 20, social: 15, web: 10},
		priorities: {high: 55, urgent: 15, normal: 25, none: 5},
		notes: [
			() => '3rd contact, no callback logged (!). Taking ownership. Goodwill voucher approved by TL.',
			(v) => `Driver complaint forwarded to ${v.carrier} account manager.`,
		],
		paths: [
			{opening: 0, reply: 0, followUp: 0, resolution: 1, oneTouch: 1},
			{opening: 1, reply: 1, followUp: 0, resolution: 0, oneTouch: 0},
		],
		subjects: [
			[0, 2],
			[1, 2],
		],
		attachments: {},
	},
	{
		key: 'pre-sales',
		weight: 6,
		group: 'Sales',
		tags: ['pre_sales', 'product_question'],
		kinds: anyProduct,
		channels: {chat: 40, email: 25, web: 15, social: 15, phone: 5},
		priorities: {low: 40, normal: 40, none: 20},
		notes: [
			(v) => `Stock: 14 at DC, next PO due ${v.noteDate}. Stock alert set.`,
			() => 'Quoted standard price, no discount.',
		],
		paths: [
			{opening: 0, reply: 0, followUp: 1, resolution: 2, oneTouch: null},
			{opening: 1, reply: 1, followUp: 0, resolution: 0, oneTouch: 0},
			{opening: 2, reply: 2, followUp: 1, resolution: 2, oneTouch: 1},
		],
		subjects: [[0, 2], [1], [0, 2]],
		attachments: {},
	},
	{
		key: 'review-negative',
		weight: 3,
		group: 'Support',
		tags: ['review', 'trustpilot', 'negative_review'],
		kinds: anyProduct,
		channels: {review: 100},
		priorities: {high: 50, normal: 40, none: 10},
		notes: [
			() => 'Public 1* review on Trustpilot. Replied publicly, asked for order no. Flagged to TL.',
			(v) => `Found order ${v.order}: delivered 9 days late (carrier). Refund shipping as goodwill.`,
		],
		attachments: {},
	},
	{
		key: 'review-positive',
		weight: 3,
		group: 'Support',
		tags: ['review', 'trustpilot', 'positive_review'],
		kinds: appliances,
		channels: {review: 100},
		priorities: {low: 60, normal: 20, none: 20},
		notes: [() => 'Nice one – shared in #team-wins.'],
		attachments: {},
	},
	{
		key: 'b2b',
		weight: 2,
		group: 'Sales',
		tags: ['b2b', 'quote'],
		kinds: ['espresso', 'kettle', 'toaster', 'blender', 'airfryer'],
		channels: {email: 80, web: 15, phone: 5},
		priorities: {normal: 50, high: 40, none: 10},
		notes: [
			(v) => `B2B lead, ${v.qty} units. Tier-2 price list (-12%). Credit check OK.`,
			() => 'Needs invoice payment 30d. Approved by finance.',
		],
		paths: [{followUp: 1, resolution: 0, oneTouch: null}],
		attachments: {reply: {kind: 'quote', index: 0}},
	},
	{
		key: 'warranty',
		weight: 4,
		group: 'Technical',
		tags: ['warranty', 'repair'],
		kinds: ['espresso', 'blender', 'vacuum', 'mixer', 'airfryer'],
		channels: {email: 50, web: 25, phone: 15, chat: 10},
		priorities: {normal: 60, high: 25, low: 5, none: 10},
		notes: [
			(v) => `${v.months} months → within 24m warranty. Pickup booked.`,
			(v) => `Receipt verified in Shopify. Claim ${v.rma}.`,
		],
		paths: [{followUp: 0, resolution: 0, oneTouch: 0}],
		attachments: {followUp: {kind: 'receipt', index: 0}},
	},
	{
		key: 'cancel',
		weight: 4,
		group: 'Support',
		tags: ['cancellation', 'order_change'],
		kinds: anyProduct,
		channels: {email: 40, chat: 25, phone: 20, web: 10, sms: 5},
		priorities: {high: 40, normal: 45, urgent: 5, none: 10},
		notes: [
			() => 'Not yet picked → cancelled in Shopify, refund auto via Adyen.',
			() => 'Address changed before label print. OK.',
		],
		paths: [
			{opening: 0, reply: 1, followUp: 0, resolution: 0, oneTouch: 0},
			{opening: 1, reply: 0, followUp: 1, resolution: 1, oneTouch: null},
		],
		subjects: [[0, 2], [1]],
		attachments: {},
		orderTable: true,
	},
];

/** Notes that fit any ticket. */
export const genericNotes: readonly Template[] = [
	() => 'Checked order history – repeat customer, no previous issues.',
	() => 'Tried calling cust, no answer. Left voicemail.',
	(v) => `Cust prefers email. Order ${v.order} is on the account.`,
	() => 'Waiting for cust reply before doing anything else.',
];

/** Why a ticket sits on hold: a third party has to act first. */
export const onHoldNotes: readonly Template[] = [
	(v) => `On hold: waiting for ${v.carrier} investigation ${v.claim} (5–7 working days).`,
	() => 'On hold until the supplier confirms replacement stock.',
	(v) => `Waiting on finance to approve refund of ${v.amount}.`,
	() => 'Sent to the service partner for repair assessment; they answer within a week.',
];

/**
 * The one hostile ticket (always present, always open): a phishing mail that also tries to drive the terminal with an
 * OSC 52 clipboard write, a screen clear, a disguised OSC 8 link, an 8-bit CSI, a zero-width space, and a right-to-left
 * override that makes ".exe" read like ".pdf". Demo viewers and tests use it to see csr neutralise all of it.
 */
export const hostileTicket = {
	subject: 'Refund form attached: refund_form_\u202Efdp.exe',
	requesterName: 'Nordlys Home Refunds',
	requesterEmail: 'refunds@nordlyshome-billing.net',
	// A terminal link and a right-to-left override in the profile: `csr customer` must show neither.
	requesterPhone: '+44 20 \u001B]8;;https://nordlyshome-billing.net/pay\u0007call now\u001B]8;;\u0007 \u202E7946 0958',
	body: [
		'Dear Customer Care agent,',
		'',
		'A refund of 2.499,00 kr. is waiting for your approval. Please confirm your agent login within 24 hours:',
		'\u001B]8;;https://nordlyshome-verify.example/login\u0007https://nordlyshome.dk/agent/login\u001B]8;;\u0007',
		'\u001B]52;c;ZXZpbA==\u0007\u001B[2J',
		'\u009B31mURGENT: your account will be suspended if you do not act now.\u009B0m',
		'',
		'Open the attached form refund_form_\u202Efdp.exe to see the details.',
		'',
		'Kind regards,',
		'Nordlys Home Pay\u200Bments Team',
	].join('\n'),
	attachmentName: 'refund_form_\u202Efdp.exe',
} as const;
