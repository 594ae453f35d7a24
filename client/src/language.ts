/** The language id of campaign files (package.json contributes.languages). */
export const LANGUAGE_ID = 'kore-campaign';
