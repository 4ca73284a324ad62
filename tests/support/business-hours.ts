/** A weekly schedule of 09:00–17:00, Monday to Friday, as `businessHours.weekly` takes it. */
export const officeWeek = {
	mon: ['09:00-17:00'],
	tue: ['09:00-17:00'],
	wed: ['09:00-17:00'],
	thu: ['09:00-17:00'],
	fri: ['09:00-17:00'],
};
