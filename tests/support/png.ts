import {inflateSync} from 'node:zlib';

/** Decodes an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium's --screenshot writes) into RGBA pixels. */
export function decodePng(file: Buffer): {width: number; height: number; rgba: Uint8Array} {
	if (file.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG');
	let offset = 8;
	let width = 0;
	let height = 0;
	let colorType = 0;
	const data: Buffer[] = [];
	while (offset < file.length) {
		const length = file.readUInt32BE(offset);
		const type = file.toString('ascii', offset + 4, offset + 8);
		const body = file.subarray(offset + 8, offset + 8 + length);
		if (type === 'IHDR') {
			width = body.readUInt32BE(0);
			height = body.readUInt32BE(4);
			if (body[8] !== 8 || body[12] !== 0) throw new Error('only 8-bit, non-interlaced PNGs');
			colorType = body[9] as number;
		} else if (type === 'IDAT') data.push(body);
		else if (type === 'IEND') break;
		offset += 12 + length;
	}
	const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
	if (channels === 0) throw new Error(`PNG colour type ${colorType} not supported`);
	const raw = inflateSync(Buffer.concat(data));
	const stride = width * channels;
	const pixels = new Uint8Array(height * stride);
	for (let y = 0; y < height; y++) {
		const filter = raw[y * (stride + 1)] as number;
		const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
		for (let x = 0; x < stride; x++) {
			const left = x >= channels ? (pixels[y * stride + x - channels] as number) : 0;
			const up = y > 0 ? (pixels[(y - 1) * stride + x] as number) : 0;
			const upLeft = y > 0 && x >= channels ? (pixels[(y - 1) * stride + x - channels] as number) : 0;
			let predictor = 0;
			if (filter === 1) predictor = left;
			else if (filter === 2) predictor = up;
			else if (filter === 3) predictor = (left + up) >> 1;
			else if (filter === 4) {
				const p = left + up - upLeft;
				const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
				predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
			}
			pixels[y * stride + x] = ((row[x] as number) + predictor) & 0xff;
		}
	}
	const rgba = new Uint8Array(width * height * 4);
	for (let i = 0; i < width * height; i++) {
		for (let c = 0; c < 3; c++) rgba[i * 4 + c] = pixels[i * channels + c] as number;
		rgba[i * 4 + 3] = channels === 4 ? (pixels[i * channels + 3] as number) : 255;
	}
	return {width, height, rgba};
}

/** How many distinct colours (quantised to 4 bits a channel) and what share of pixels differ from the first one. */
export function pictureStats(png: {width: number; height: number; rgba: Uint8Array}): {colours: number; inked: number} {
	const colours = new Set<number>();
	const {rgba} = png;
	const first = [rgba[0], rgba[1], rgba[2]];
	let differing = 0;
	const total = png.width * png.height;
	for (let i = 0; i < total; i++) {
		const [r, g, b] = [rgba[i * 4] as number, rgba[i * 4 + 1] as number, rgba[i * 4 + 2] as number];
		colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
		if (r !== first[0] || g !== first[1] || b !== first[2]) differing++;
	}
	return {colours: colours.size, inked: differing / total};
}
