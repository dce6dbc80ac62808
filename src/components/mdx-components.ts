// The components an editor may use in any MDX file without importing them.
import Area from './Area.astro';
import Call from './Call.astro';
import ContactList from './ContactList.astro';
import Partnership from './Partnership.astro';
import ReportHours from './ReportHours.astro';
import Services from './Services.astro';
import SignList from './SignList.astro';
import SiteEmail from './SiteEmail.astro';

export const mdxComponents = { Area, Call, ContactList, Partnership, ReportHours, Services, SignList, SiteEmail };
