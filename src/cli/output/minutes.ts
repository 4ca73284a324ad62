/** Minutes for people: 42.5m, 7h 5m, 3d 4h. */
export function formatMinutes(minutes: number | null): string {
	if (minutes === null) return '–';
	// Round once, to the unit shown, before splitting: 479.7 is "8h 0m", never "7h 60m".
	if (Math.round(minutes * 10) / 10 < 60) return `${minutes.toFixed(1)}m`;
	const whole = Math.round(minutes);
	const hours = Math.floor(whole / 60);
	if (hours < 48) return `${hours}h ${whole - hours * 60}m`;
	const wholeHours = Math.round(minutes / 60);
	return `${Math.floor(wholeHours / 24)}d ${wholeHours % 24}h`;
}
