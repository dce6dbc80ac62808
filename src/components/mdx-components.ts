// The components an editor may use in any MDX file without importing them. Every link is a
// LocalLink: on a translated page it goes to the page in the same language, or says it is English.
import Area from './Area.astro';
import Call from './Call.astro';
import ContactList from './ContactList.astro';
import Glossary from './Glossary.astro';
import LocalLink from './LocalLink.astro';
import Partnership from './Partnership.astro';
import ReportHours from './ReportHours.astro';
import SectorList from './SectorList.astro';
import Services from './Services.astro';
import SignList from './SignList.astro';
import SiteEmail from './SiteEmail.astro';

export const mdxComponents = { Area, Call, ContactList, Glossary, Partnership, ReportHours, SectorList, Services, SignList, SiteEmail, a: LocalLink };
