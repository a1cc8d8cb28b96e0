/**
 * Header spellings seen in real exports (Google Contacts, Outlook, Apple/iCloud tools, generic
 * CRMs), normalised by `normaliseHeader`, mapped to built-in field ids.
 */
export const HEADER_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  firstName: ['firstname', 'givenname', 'first', 'forename', 'vorname', 'prenom'],
  lastName: ['lastname', 'familyname', 'surname', 'last', 'nachname', 'nom'],
  displayName: ['name', 'fullname', 'displayname', 'contactname'],
  email: [
    'email',
    'emailaddress',
    'email1value',
    'email1',
    'mail',
    'primaryemail',
    'workemail',
    'homeemail',
    'emailaddress1',
  ],
  phone: [
    'phone',
    'phonenumber',
    'phone1value',
    'telephone',
    'tel',
    'businessphone',
    'workphone',
    'homephone',
    'primaryphone',
  ],
  mobile: ['mobile', 'mobilephone', 'cellphone', 'cell', 'mobilenumber', 'handy', 'iphone'],
  company: [
    'company',
    'organization',
    'organisation',
    'organization1name',
    'organizationname',
    'employer',
  ],
  title: ['jobtitle', 'organization1title', 'organizationtitle', 'position', 'role'],
  street: ['street', 'address', 'streetaddress', 'address1street', 'businessstreet', 'homestreet'],
  city: ['city', 'town', 'address1city', 'businesscity', 'homecity'],
  region: ['state', 'region', 'province', 'county', 'address1region', 'businessstate', 'homestate'],
  postalCode: [
    'postalcode',
    'zip',
    'zipcode',
    'postcode',
    'address1postalcode',
    'businesspostalcode',
    'homepostalcode',
  ],
  country: [
    'country',
    'countryregion',
    'address1country',
    'businesscountryregion',
    'homecountryregion',
  ],
  birthday: ['birthday', 'birthdate', 'dateofbirth', 'dob'],
  website: ['website', 'webpage', 'url', 'homepage', 'website1value'],
  notes: ['notes', 'note', 'comments', 'comment', 'description'],
  password: ['password', 'passwd', 'pwd', 'pass'],
};

/** Lower case, letters and digits only: "E-mail 1 - Value" → "email1value". */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
