/** The template's `--- question N fill here ---` placeholder (global: reset `lastIndex` or use matchAll). */
export const PLACEHOLDER = /-{3}[ \t]*question[ \t]+\d+[ \t]+fill[ \t]+here[ \t]*-{3}/gi;

/** A heading's text that names a question: `Question 3`, `Q3`, `question #3`, ... (group 1: the number). */
export const QUESTION_HEADING = /^\s*(?:question|q)\s*[.:#-]?\s*(\d{1,3})\b/i;
