// The components an editor may use in any MDX file without importing them. Every link is a
// LocalLink: on a translated page it goes to the page in the same language, or says it is English.
import Call from './Call.astro';
import ContactList from './ContactList.astro';
import LocalLink from './LocalLink.astro';
import ReportHours from './ReportHours.astro';
import Services from './Services.astro';
import SignList from './SignList.astro';
import SiteEmail from './SiteEmail.astro';

export const mdxComponents = { Call, ContactList, ReportHours, Services, SignList, SiteEmail, a: LocalLink };
