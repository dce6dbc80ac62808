// The components an editor may use in any MDX file without importing them.
import Call from './Call.astro';
import ContactList from './ContactList.astro';
import ReportHours from './ReportHours.astro';
import Services from './Services.astro';
import SignList from './SignList.astro';
import SiteEmail from './SiteEmail.astro';

export const mdxComponents = { Call, ContactList, ReportHours, Services, SignList, SiteEmail };
