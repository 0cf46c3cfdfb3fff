/**
 * English country names -> ISO 3166-1 alpha-3. Lists name countries in prose: the UN uses its own official short
 * names ("Iran (Islamic Republic of)", "United Kingdom of Great Britain and Northern Ireland", "Türkiye"), OFAC uses
 * the US State Department's ("Burma", "Korea, North", "Congo, Democratic Republic of the", "Bahamas, The") and
 * adjectives in remarks ("nationality Afghan"), and national lists use whatever their authors type. The table keeps
 * every ISO 3166-1 country with the spellings seen in those lists; lookup ignores case, accents, punctuation and a
 * leading "the". Historical states that have no alpha-3 of their own (the Soviet Union, Yugoslavia) map to the
 * ISO 3166-3 codes so the fact that a list said so is not lost; regions that are not countries (Crimea, Kafia
 * Kingi) and placeholders ("na", "undetermined") return undefined.
 */

/** alpha-3 code followed by its names and common variants (the first is the ISO short name in English). */
const COUNTRIES: readonly (readonly [string, ...string[]])[] = [
  ['AFG', 'Afghanistan', 'Afghan', 'Islamic Republic of Afghanistan', 'Islamic Emirate of Afghanistan'],
  ['ALA', 'Aland Islands', 'Åland Islands'],
  ['ALB', 'Albania', 'Albanian'],
  ['DZA', 'Algeria', 'Algerian'],
  ['ASM', 'American Samoa'],
  ['AND', 'Andorra', 'Andorran'],
  ['AGO', 'Angola', 'Angolan'],
  ['AIA', 'Anguilla'],
  ['ATA', 'Antarctica'],
  ['ATG', 'Antigua and Barbuda', 'Antigua'],
  ['ARG', 'Argentina', 'Argentine', 'Argentinian'],
  ['ARM', 'Armenia', 'Armenian'],
  ['ABW', 'Aruba'],
  ['AUS', 'Australia', 'Australian'],
  ['AUT', 'Austria', 'Austrian'],
  ['AZE', 'Azerbaijan', 'Azerbaijani', 'Azeri'],
  ['BHS', 'Bahamas', 'Bahamas, The', 'The Bahamas', 'Bahamian'],
  ['BHR', 'Bahrain', 'Bahraini', 'Kingdom of Bahrain'],
  ['BGD', 'Bangladesh', 'Bangladeshi'],
  ['BRB', 'Barbados', 'Barbadian'],
  ['BLR', 'Belarus', 'Belarusian', 'Byelorussia'],
  ['BEL', 'Belgium', 'Belgian'],
  ['BLZ', 'Belize', 'Belizean'],
  ['BEN', 'Benin', 'Beninese'],
  ['BMU', 'Bermuda'],
  ['BTN', 'Bhutan', 'Bhutanese'],
  ['BOL', 'Bolivia', 'Bolivia (Plurinational State of)', 'Plurinational State of Bolivia', 'Bolivian'],
  ['BES', 'Bonaire, Sint Eustatius and Saba', 'Caribbean Netherlands'],
  ['BIH', 'Bosnia and Herzegovina', 'Bosnia-Herzegovina', 'Bosnia', 'Bosnian'],
  ['BWA', 'Botswana', 'Motswana'],
  ['BVT', 'Bouvet Island'],
  ['BRA', 'Brazil', 'Brazilian'],
  ['IOT', 'British Indian Ocean Territory'],
  ['BRN', 'Brunei Darussalam', 'Brunei', 'Bruneian'],
  ['BGR', 'Bulgaria', 'Bulgarian'],
  ['BFA', 'Burkina Faso', 'Burkinabe'],
  ['BDI', 'Burundi', 'Burundian'],
  ['CPV', 'Cabo Verde', 'Cape Verde', 'Cape Verdean'],
  ['KHM', 'Cambodia', 'Cambodian'],
  ['CMR', 'Cameroon', 'Cameroonian'],
  ['CAN', 'Canada', 'Canadian'],
  ['CYM', 'Cayman Islands'],
  ['CAF', 'Central African Republic', 'Central African'],
  ['TCD', 'Chad', 'Chadian'],
  ['CHL', 'Chile', 'Chilean'],
  ['CHN', 'China', "People's Republic of China", 'PRC', 'Chinese'],
  ['CXR', 'Christmas Island'],
  ['CCK', 'Cocos (Keeling) Islands', 'Cocos Islands'],
  ['COL', 'Colombia', 'Colombian'],
  ['COM', 'Comoros', 'Comorian'],
  ['COG', 'Congo', 'Republic of the Congo', 'Congo, Republic of the', 'Congo-Brazzaville', 'Congo (Brazzaville)'],
  [
    'COD',
    'Democratic Republic of the Congo',
    'Congo, Democratic Republic of the',
    'Congo, The Democratic Republic of the',
    'DR Congo',
    'DRC',
    'Congo-Kinshasa',
    'Congo (Kinshasa)',
    'Zaire',
    'Congolese',
  ],
  ['COK', 'Cook Islands'],
  ['CRI', 'Costa Rica', 'Costa Rican'],
  ['CIV', "Côte d'Ivoire", "Cote d'Ivoire", 'Cote d Ivoire', 'Ivory Coast', 'Ivorian'],
  ['HRV', 'Croatia', 'Croatian'],
  ['CUB', 'Cuba', 'Cuban'],
  ['CUW', 'Curaçao', 'Curacao'],
  ['CYP', 'Cyprus', 'Cypriot'],
  ['CZE', 'Czechia', 'Czech Republic', 'Czech'],
  ['DNK', 'Denmark', 'Danish'],
  ['DJI', 'Djibouti', 'Djiboutian'],
  ['DMA', 'Dominica'],
  ['DOM', 'Dominican Republic', 'Dominican'],
  ['ECU', 'Ecuador', 'Ecuadorian'],
  ['EGY', 'Egypt', 'Egyptian', 'Arab Republic of Egypt'],
  ['SLV', 'El Salvador', 'Salvadoran'],
  ['GNQ', 'Equatorial Guinea', 'Equatoguinean'],
  ['ERI', 'Eritrea', 'Eritrean'],
  ['EST', 'Estonia', 'Estonian'],
  ['SWZ', 'Eswatini', 'Swaziland', 'Swazi'],
  ['ETH', 'Ethiopia', 'Ethiopian'],
  ['FLK', 'Falkland Islands (Malvinas)', 'Falkland Islands'],
  ['FRO', 'Faroe Islands'],
  ['FJI', 'Fiji', 'Fijian'],
  ['FIN', 'Finland', 'Finnish'],
  ['FRA', 'France', 'French'],
  ['GUF', 'French Guiana'],
  ['PYF', 'French Polynesia'],
  ['ATF', 'French Southern Territories'],
  ['GAB', 'Gabon', 'Gabonese'],
  ['GMB', 'Gambia', 'The Gambia', 'Gambia, The', 'Gambian'],
  ['GEO', 'Georgia', 'Georgian'],
  ['DEU', 'Germany', 'German', 'Federal Republic of Germany'],
  ['GHA', 'Ghana', 'Ghanaian'],
  ['GIB', 'Gibraltar'],
  ['GRC', 'Greece', 'Greek'],
  ['GRL', 'Greenland'],
  ['GRD', 'Grenada', 'Grenadian'],
  ['GLP', 'Guadeloupe'],
  ['GUM', 'Guam'],
  ['GTM', 'Guatemala', 'Guatemalan'],
  ['GGY', 'Guernsey'],
  ['GIN', 'Guinea', 'Guinean'],
  ['GNB', 'Guinea-Bissau', 'Guinea Bissau', 'Bissau-Guinean'],
  ['GUY', 'Guyana', 'Guyanese'],
  ['HTI', 'Haiti', 'Haitian'],
  ['HMD', 'Heard Island and McDonald Islands'],
  ['VAT', 'Holy See', 'Vatican', 'Vatican City'],
  ['HND', 'Honduras', 'Honduran'],
  ['HKG', 'Hong Kong', 'Hong Kong SAR', 'China, Hong Kong Special Administrative Region'],
  ['HUN', 'Hungary', 'Hungarian'],
  ['ISL', 'Iceland', 'Icelandic'],
  ['IND', 'India', 'Indian'],
  ['IDN', 'Indonesia', 'Indonesian'],
  ['IRN', 'Iran (Islamic Republic of)', 'Iran', 'Islamic Republic of Iran', 'Iranian'],
  ['IRQ', 'Iraq', 'Iraqi'],
  ['IRL', 'Ireland', 'Irish'],
  ['IMN', 'Isle of Man', 'Man, Isle of'],
  ['ISR', 'Israel', 'Israeli'],
  ['ITA', 'Italy', 'Italian'],
  ['JAM', 'Jamaica', 'Jamaican'],
  ['JPN', 'Japan', 'Japanese'],
  ['JEY', 'Jersey'],
  ['JOR', 'Jordan', 'Jordanian'],
  ['KAZ', 'Kazakhstan', 'Kazakh', 'Kazakhstani'],
  ['KEN', 'Kenya', 'Kenyan'],
  ['KIR', 'Kiribati'],
  [
    'PRK',
    "Democratic People's Republic of Korea",
    "Korea (Democratic People's Republic of)",
    'Korea, North',
    'North Korea',
    'DPRK',
    'North Korean',
  ],
  ['KOR', 'Republic of Korea', 'Korea (Republic of)', 'Korea, South', 'South Korea', 'Korea', 'South Korean'],
  ['KWT', 'Kuwait', 'Kuwaiti'],
  ['KGZ', 'Kyrgyzstan', 'Kyrgyz Republic', 'Kyrgyz'],
  ['LAO', "Lao People's Democratic Republic", 'Laos', 'Lao', 'Laotian'],
  ['LVA', 'Latvia', 'Latvian'],
  ['LBN', 'Lebanon', 'Lebanese'],
  ['LSO', 'Lesotho'],
  ['LBR', 'Liberia', 'Liberian'],
  ['LBY', 'Libya', 'Libyan', 'Libyan Arab Jamahiriya'],
  ['LIE', 'Liechtenstein'],
  ['LTU', 'Lithuania', 'Lithuanian'],
  ['LUX', 'Luxembourg', 'Luxembourgish'],
  ['MAC', 'Macao', 'Macau', 'China, Macao Special Administrative Region'],
  ['MDG', 'Madagascar', 'Malagasy'],
  ['MWI', 'Malawi', 'Malawian'],
  ['MYS', 'Malaysia', 'Malaysian'],
  ['MDV', 'Maldives', 'Maldivian'],
  ['MLI', 'Mali', 'Malian'],
  ['MLT', 'Malta', 'Maltese'],
  ['MHL', 'Marshall Islands'],
  ['MTQ', 'Martinique'],
  ['MRT', 'Mauritania', 'Mauritanian'],
  ['MUS', 'Mauritius', 'Mauritian'],
  ['MYT', 'Mayotte'],
  ['MEX', 'Mexico', 'Mexican'],
  ['FSM', 'Micronesia (Federated States of)', 'Micronesia', 'Micronesia, Federated States of'],
  ['MDA', 'Republic of Moldova', 'Moldova', 'Moldovan'],
  ['MCO', 'Monaco', 'Monegasque'],
  ['MNG', 'Mongolia', 'Mongolian'],
  ['MNE', 'Montenegro', 'Montenegrin'],
  ['MSR', 'Montserrat'],
  ['MAR', 'Morocco', 'Moroccan'],
  ['MOZ', 'Mozambique', 'Mozambican'],
  ['MMR', 'Myanmar', 'Burma', 'Burmese'],
  ['NAM', 'Namibia', 'Namibian'],
  ['NRU', 'Nauru'],
  ['NPL', 'Nepal', 'Nepalese', 'Nepali'],
  ['NLD', 'Netherlands', 'Netherlands (Kingdom of the)', 'Holland', 'Dutch'],
  ['NCL', 'New Caledonia'],
  ['NZL', 'New Zealand'],
  ['NIC', 'Nicaragua', 'Nicaraguan'],
  ['NER', 'Niger', 'Nigerien'],
  ['NGA', 'Nigeria', 'Nigerian'],
  ['NIU', 'Niue'],
  ['NFK', 'Norfolk Island'],
  ['MKD', 'North Macedonia', 'North Macedonia, The Republic of', 'Macedonia', 'The former Yugoslav Republic of Macedonia', 'Macedonian'],
  ['MNP', 'Northern Mariana Islands'],
  ['NOR', 'Norway', 'Norwegian'],
  ['OMN', 'Oman', 'Omani', 'Sultanate of Oman'],
  ['PAK', 'Pakistan', 'Pakistani'],
  ['PLW', 'Palau'],
  ['PSE', 'State of Palestine', 'Palestine', 'Palestine, State of', 'Palestinian', 'Occupied Palestinian Territory', 'West Bank', 'Gaza', 'Gaza Strip'],
  ['PAN', 'Panama', 'Panamanian'],
  ['PNG', 'Papua New Guinea'],
  ['PRY', 'Paraguay', 'Paraguayan'],
  ['PER', 'Peru', 'Peruvian'],
  ['PHL', 'Philippines', 'Filipino', 'Philippine'],
  ['PCN', 'Pitcairn'],
  ['POL', 'Poland', 'Polish'],
  ['PRT', 'Portugal', 'Portuguese'],
  ['PRI', 'Puerto Rico'],
  ['QAT', 'Qatar', 'Qatari'],
  ['REU', 'Réunion', 'Reunion'],
  ['ROU', 'Romania', 'Romanian'],
  ['RUS', 'Russian Federation', 'Russia', 'Russian'],
  ['RWA', 'Rwanda', 'Rwandan'],
  ['BLM', 'Saint Barthélemy', 'Saint Barthelemy'],
  ['SHN', 'Saint Helena, Ascension and Tristan da Cunha', 'Saint Helena'],
  ['KNA', 'Saint Kitts and Nevis', 'St. Kitts and Nevis'],
  ['LCA', 'Saint Lucia', 'St. Lucia'],
  ['MAF', 'Saint Martin (French part)', 'Saint Martin'],
  ['SPM', 'Saint Pierre and Miquelon'],
  ['VCT', 'Saint Vincent and the Grenadines', 'St. Vincent and the Grenadines'],
  ['WSM', 'Samoa', 'Samoan'],
  ['SMR', 'San Marino'],
  ['STP', 'Sao Tome and Principe', 'São Tomé and Príncipe'],
  ['SAU', 'Saudi Arabia', 'Saudi', 'Saudi Arabian', 'Kingdom of Saudi Arabia'],
  ['SEN', 'Senegal', 'Senegalese'],
  ['SRB', 'Serbia', 'Serbian'],
  ['SYC', 'Seychelles', 'Seychellois'],
  ['SLE', 'Sierra Leone', 'Sierra Leonean'],
  ['SGP', 'Singapore', 'Singaporean'],
  ['SXM', 'Sint Maarten (Dutch part)', 'Sint Maarten'],
  ['SVK', 'Slovakia', 'Slovak Republic', 'Slovak'],
  ['SVN', 'Slovenia', 'Slovenian'],
  ['SLB', 'Solomon Islands'],
  ['SOM', 'Somalia', 'Somali'],
  ['ZAF', 'South Africa', 'South African'],
  ['SGS', 'South Georgia and the South Sandwich Islands'],
  ['SSD', 'South Sudan', 'South Sudanese'],
  ['ESP', 'Spain', 'Spanish'],
  ['LKA', 'Sri Lanka', 'Sri Lankan'],
  ['SDN', 'Sudan', 'Sudanese'],
  ['SUR', 'Suriname', 'Surinamese'],
  ['SJM', 'Svalbard and Jan Mayen'],
  ['SWE', 'Sweden', 'Swedish'],
  ['CHE', 'Switzerland', 'Swiss'],
  ['SYR', 'Syrian Arab Republic', 'Syria', 'Syrian'],
  ['TWN', 'Taiwan', 'Taiwan, Province of China', 'Taiwanese'],
  ['TJK', 'Tajikistan', 'Tajik', 'Tajikistani'],
  ['TZA', 'United Republic of Tanzania', 'Tanzania', 'Tanzania, United Republic of', 'Tanzanian'],
  ['THA', 'Thailand', 'Thai'],
  ['TLS', 'Timor-Leste', 'East Timor'],
  ['TGO', 'Togo', 'Togolese'],
  ['TKL', 'Tokelau'],
  ['TON', 'Tonga', 'Tongan'],
  ['TTO', 'Trinidad and Tobago', 'Trinidadian'],
  ['TUN', 'Tunisia', 'Tunisian'],
  ['TUR', 'Türkiye', 'Turkiye', 'Turkey', 'Turkish'],
  ['TKM', 'Turkmenistan', 'Turkmen'],
  ['TCA', 'Turks and Caicos Islands'],
  ['TUV', 'Tuvalu'],
  ['UGA', 'Uganda', 'Ugandan'],
  ['UKR', 'Ukraine', 'Ukrainian'],
  ['ARE', 'United Arab Emirates', 'UAE', 'Emirati'],
  [
    'GBR',
    'United Kingdom of Great Britain and Northern Ireland',
    'United Kingdom',
    'UK',
    'Great Britain',
    'Britain',
    'British',
  ],
  ['USA', 'United States of America', 'United States', 'USA', 'US', 'American'],
  ['UMI', 'United States Minor Outlying Islands'],
  ['URY', 'Uruguay', 'Uruguayan'],
  ['UZB', 'Uzbekistan', 'Uzbek', 'Uzbekistani'],
  ['VUT', 'Vanuatu'],
  ['VEN', 'Venezuela (Bolivarian Republic of)', 'Venezuela', 'Bolivarian Republic of Venezuela', 'Venezuelan'],
  ['VNM', 'Viet Nam', 'Vietnam', 'Vietnamese'],
  ['VGB', 'Virgin Islands (British)', 'British Virgin Islands', 'Virgin Islands, British'],
  ['VIR', 'Virgin Islands (U.S.)', 'United States Virgin Islands', 'Virgin Islands, U.S.'],
  ['WLF', 'Wallis and Futuna'],
  ['ESH', 'Western Sahara'],
  ['YEM', 'Yemen', 'Yemeni'],
  ['ZMB', 'Zambia', 'Zambian'],
  ['ZWE', 'Zimbabwe', 'Zimbabwean'],
  // Kosovo has no ISO 3166-1 code; XKX is the user-assigned code the EU, the IMF and ICAO 9303 travel documents use.
  ['XKX', 'Kosovo', 'Kosovar'],
  // ISO 3166-3 codes for states that no longer exist but still appear in list entries ("former Soviet Union").
  ['SUN', 'Union of Soviet Socialist Republics', 'Soviet Union', 'former Soviet Union', 'USSR', 'Former USSR'],
  ['YUG', 'Yugoslavia', 'former Yugoslavia', 'Socialist Federal Republic of Yugoslavia'],
  ['SCG', 'Serbia and Montenegro'],
  ['ANT', 'Netherlands Antilles'],
];

/** Longer than any country name in any list (the longest, the UK's UN name, has 52 characters). */
const MAX_COUNTRY_NAME_LENGTH = 120;

/** Folds case, accents, apostrophes and punctuation so "Cote d Ivoire", "Côte d'Ivoire" and "COTE D'IVOIRE" meet. */
function foldCountryName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

const BY_NAME: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [code, ...names] of COUNTRIES) {
    map.set(code.toLowerCase(), code);
    for (const name of names) map.set(foldCountryName(name), code);
  }
  return map;
})();

const CODES: ReadonlySet<string> = new Set(COUNTRIES.map(([code]) => code));

/** Every alpha-3 code the table knows, including the ISO 3166-3 historical codes and XKX (Kosovo). */
export const COUNTRY_CODES: readonly string[] = [...CODES];

/**
 * The ISO 3166-1 alpha-3 code for an English country name, adjective ("Afghan") or alpha-3 code, or undefined when
 * the text does not name a country (a region such as "Crimea", a placeholder such as "na").
 */
export function findCountryCode(name: string): string | undefined {
  // No country name is this long; refusing early also keeps the patterns below linear on hostile input.
  if (name.length > MAX_COUNTRY_NAME_LENGTH) return undefined;
  // OFAC prefixes territories with "Region: " ("Region: Gaza"); the rest may still name a country's territory.
  const folded = foldCountryName(name.replace(/^\s*region:\s*/i, ''));
  if (folded === '') return undefined;
  const direct = BY_NAME.get(folded);
  if (direct !== undefined) return direct;
  // A parenthesised qualifier the table knows ("Iran (Islamic Republic of)") matched above; strip one it does
  // not know, such as "Syria (Damascus)".
  const withoutQualifier = foldCountryName(name.replace(/\s*\([^)]*\)\s*$/, ''));
  return withoutQualifier !== folded ? BY_NAME.get(withoutQualifier) : undefined;
}

/** True when `code` is an alpha-3 code from the table (upper case). */
export function isCountryCode(code: string): boolean {
  return CODES.has(code);
}

/** The English short name of an alpha-3 code, or undefined for an unknown code. */
export function findCountryName(code: string): string | undefined {
  return COUNTRIES.find(([c]) => c === code)?.[1];
}
