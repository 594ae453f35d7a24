/** The language id of campaign files (package.json contributes.languages). */
export const LANGUAGE_ID = 'kore-campaign';
/** The scheme of the platform's campaign shown in file form by Show Changes (read-only: no file system behind it). */
export const REMOTE_CAMPAIGN_SCHEME = 'kore-campaign-remote';
