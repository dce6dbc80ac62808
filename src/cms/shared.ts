// Names shared by the editor's configuration (Node), its script in the browser and `npm run cms`.

/** The file formats /admin/cms.js registers: they write back only what an editor changed. */
export const FORMATS = { frontmatter: 'kit-frontmatter', yaml: 'kit-yaml' } as const;

/** Where the local editing server (npm run cms) listens: loopback only. */
export const LOCAL_BACKEND_PORT = 8081;

/** The editor widget for "one word, or a list" (a service's area: national, or places). */
export const CHOICE_OR_LIST = 'kit-choice-or-list';
