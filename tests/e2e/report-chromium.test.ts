import {execFile} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {createSandbox} from '../support/e2e.js';
import {decodePng, pictureStats} from '../support/png.js';
import {at, reportNumbers} from '../support/report-html.js';

/*
 * csr report --html opened in a real headless Chromium (Debian's package, scripts/install-chromium.sh): the page
 * renders (the screenshot is not blank) and the numbers the browser shows equal `csr stats --json`. Skipped with a
 * note without Chromium, unless CSR_REQUIRE_CHROMIUM=1 (CI).
 */
const chromium = '/usr/bin/chromium';
const installed = existsSync(chromium);
const required = process.env['CSR_REQUIRE_CHROMIUM'] === '1';
if (!installed && !required) {
	console.warn('chromium not installed: run scripts/install-chromium.sh (skipping tests/e2e/report-chromium.test.ts)');
}

function runChromium(args: string[]): Promise<{stdout: string; stderr: string; code: number}> {
	const profile = mkdtempSync(join(tmpdir(), 'csr-chromium-'));
	const flags = [
		'--headless',
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		`--user-data-dir=${profile}`,
	];
	return new Promise((resolve) => {
		execFile(
			chromium,
			[...flags, ...args],
			{maxBuffer: 64 * 1024 * 1024, timeout: 120_000},
			(error, stdout, stderr) => {
				rmSync(profile, {recursive: true, force: true});
				resolve({stdout, stderr, code: error ? Number(error.code ?? 1) : 0});
			},
		);
	});
}

/**
 * The widest run of a screenshot row that has the charts' blue (#2563eb) at both ends and no page background
 * (#f3f4f6) between them, as a share of the picture's width: a chart drawn across the full width gives a long run; two
 * charts side by side are split by the page background between them.
 */
function widestChartRun(picture: {width: number; height: number; rgba: Uint8Array}): number {
	const near = (i: number, [r, g, b]: readonly number[]) =>
		Math.abs((picture.rgba[i] as number) - (r as number)) < 24 &&
		Math.abs((picture.rgba[i + 1] as number) - (g as number)) < 24 &&
		Math.abs((picture.rgba[i + 2] as number) - (b as number)) < 24;
	let widest = 0;
	for (let y = 0; y < picture.height; y++) {
		let start = -1;
		for (let x = 0; x < picture.width; x++) {
			const i = (y * picture.width + x) * 4;
			if (near(i, [0xf3, 0xf4, 0xf6])) start = -1;
			else if (near(i, [0x25, 0x63, 0xeb])) {
				if (start < 0) start = x;
				widest = Math.max(widest, (x - start) / picture.width);
			}
		}
	}
	return widest;
}

let box: ReturnType<typeof createSandbox> | undefined;
afterEach(() => box?.cleanup());

describe('Chromium availability', () => {
	it.runIf(required)('is installed, as CSR_REQUIRE_CHROMIUM=1 (CI) demands', () => {
		expect(installed, 'CSR_REQUIRE_CHROMIUM=1 but /usr/bin/chromium is missing: run scripts/install-chromium.sh').toBe(
			true,
		);
	});
});

describe.skipIf(!installed)('csr report --html in headless Chromium', () => {
	it('renders charts and cards, and shows the numbers of csr stats --json', async () => {
		box = createSandbox();
		expect((await box.csr(['demo', 'reset', '--tickets', '300', '--seed', '5'])).exitCode).toBe(0);
		const file = join(box.home, 'r.html');
		const written = await box.csr(['report', '--html', file, '--since', '30d']);
		expect(written.exitCode, written.stderr).toBe(0);
		const stats = JSON.parse((await box.csr(['stats', '--since', '30d', '--json', '--no-sync'])).stdout);

		const shot = join(box.home, 'shot.png');
		const screenshot = await runChromium([`--screenshot=${shot}`, '--window-size=1280,2000', `file://${file}`]);
		expect(existsSync(shot), screenshot.stderr).toBe(true);
		const picture = decodePng(readFileSync(shot));
		expect(picture.width).toBe(1280);
		const {colours, inked} = pictureStats(picture);
		// A blank page is one colour; the report has a dark header, white cards, blue and green bars, grey text.
		expect(colours).toBeGreaterThan(20);
		expect(inked).toBeGreaterThan(0.3);
		// The charts use the full width of the page, not half of it.
		expect(widestChartRun(picture)).toBeGreaterThan(0.55);

		// What the browser built from the file: every key figure it shows equals csr stats --json.
		const dom = await runChromium(['--dump-dom', `file://${file}`]);
		expect(dom.stdout).toContain('Customer service KPIs');
		expect((dom.stdout.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(8);
		const {cards} = reportNumbers(dom.stdout);
		expect(cards.size).toBeGreaterThan(25);
		for (const [path, value] of cards) expect(value, path).toEqual(at(stats, path));
		expect(cards.get('tickets.created')).toBe(stats.tickets.created);
	}, 180_000);
});
