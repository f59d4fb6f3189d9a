export * from './platform.module.js';
export { ReviewerService } from './reviewers/reviewer.service.js';
export { Reviewer } from './reviewers/reviewer.entity.js';
export { CalendarDay } from './calendar/calendar-day.entity.js';
