import type { InstrumentInput } from '../../../shared/schemas/treaties.js';

/**
 * The instruments the issue names. Adoption and entry-into-force dates are the depositaries'
 * (UN Treaty Collection, OAS Department of International Law, ILO NORMLEX); names are the
 * official titles in each language where one exists.
 */
export const SEED_INSTRUMENTS: InstrumentInput[] = [
  {
    code: 'tip-protocol',
    name: {
      en: 'Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the United Nations Convention against Transnational Organized Crime',
      es: 'Protocolo para prevenir, reprimir y sancionar la trata de personas, especialmente mujeres y niños, que complementa la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional',
      fr: 'Protocole visant à prévenir, réprimer et punir la traite des personnes, en particulier des femmes et des enfants, additionnel à la Convention des Nations Unies contre la criminalité transnationale organisée',
      pt: 'Protocolo Adicional à Convenção das Nações Unidas contra o Crime Organizado Transnacional Relativo à Prevenção, Repressão e Punição do Tráfico de Pessoas, em Especial Mulheres e Crianças',
    },
    shortName: {
      en: 'Trafficking in Persons Protocol',
      es: 'Protocolo contra la trata de personas',
      fr: 'Protocole relatif à la traite des personnes',
      pt: 'Protocolo contra o Tráfico de Pessoas',
    },
    adoptedOn: '2000-11-15',
    inForceOn: '2003-12-25',
    reference:
      'UN Treaty Collection, chapter XVIII-12-a https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XVIII-12-a&chapter=18',
  },
  {
    code: 'smuggling-protocol',
    name: {
      en: 'Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the United Nations Convention against Transnational Organized Crime',
      es: 'Protocolo contra el tráfico ilícito de migrantes por tierra, mar y aire, que complementa la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional',
      fr: 'Protocole contre le trafic illicite de migrants par terre, air et mer, additionnel à la Convention des Nations Unies contre la criminalité transnationale organisée',
      pt: 'Protocolo Adicional à Convenção das Nações Unidas contra o Crime Organizado Transnacional, relativo ao Combate ao Tráfico de Migrantes por Via Terrestre, Marítima e Aérea',
    },
    shortName: {
      en: 'Migrant Smuggling Protocol',
      es: 'Protocolo contra el tráfico ilícito de migrantes',
      fr: 'Protocole relatif au trafic illicite de migrants',
      pt: 'Protocolo contra o Tráfico de Migrantes',
    },
    adoptedOn: '2000-11-15',
    inForceOn: '2004-01-28',
    reference:
      'UN Treaty Collection, chapter XVIII-12-b https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XVIII-12-b&chapter=18',
  },
  {
    code: 'untoc',
    name: {
      en: 'United Nations Convention against Transnational Organized Crime',
      es: 'Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional',
      fr: 'Convention des Nations Unies contre la criminalité transnationale organisée',
      pt: 'Convenção das Nações Unidas contra o Crime Organizado Transnacional',
    },
    shortName: {
      en: 'Convention against Transnational Organized Crime',
      es: 'Convención contra la Delincuencia Organizada Transnacional',
      fr: 'Convention contre la criminalité transnationale organisée',
      pt: 'Convenção contra o Crime Organizado Transnacional',
    },
    adoptedOn: '2000-11-15',
    inForceOn: '2003-09-29',
    reference:
      'UN Treaty Collection, chapter XVIII-12 https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XVIII-12&chapter=18',
  },
  {
    code: 'iacitm',
    name: {
      en: 'Inter-American Convention on International Traffic in Minors',
      es: 'Convención Interamericana sobre Tráfico Internacional de Menores',
      fr: 'Convention interaméricaine sur le trafic international des mineurs',
      pt: 'Convenção Interamericana sobre Tráfico Internacional de Menores',
    },
    shortName: {
      en: 'Inter-American Convention on Traffic in Minors',
      es: 'Convención Interamericana sobre Tráfico de Menores',
      fr: 'Convention interaméricaine sur le trafic des mineurs',
      pt: 'Convenção Interamericana sobre Tráfico de Menores',
    },
    adoptedOn: '1994-03-18',
    inForceOn: '1997-08-15',
    reference: 'OAS Department of International Law, treaty B-57 https://www.oas.org/juridico/english/sigs/b-57.html',
  },
  {
    code: 'ilo-c29',
    name: {
      en: 'Forced Labour Convention, 1930 (No. 29)',
      es: 'Convenio sobre el trabajo forzoso, 1930 (núm. 29)',
      fr: 'Convention (n° 29) sur le travail forcé, 1930',
      pt: 'Convenção sobre o Trabalho Forçado, 1930 (n.º 29)',
    },
    shortName: {
      en: 'ILO Forced Labour Convention (No. 29)',
      es: 'Convenio de la OIT sobre el trabajo forzoso (núm. 29)',
      fr: "Convention de l'OIT sur le travail forcé (n° 29)",
      pt: 'Convenção da OIT sobre o Trabalho Forçado (n.º 29)',
    },
    adoptedOn: '1930-06-28',
    inForceOn: '1932-05-01',
    reference:
      'ILO NORMLEX, C029 https://normlex.ilo.org/dyn/normlex/en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C029',
  },
  {
    code: 'ilo-c182',
    name: {
      en: 'Worst Forms of Child Labour Convention, 1999 (No. 182)',
      es: 'Convenio sobre las peores formas de trabajo infantil, 1999 (núm. 182)',
      fr: 'Convention (n° 182) sur les pires formes de travail des enfants, 1999',
      pt: 'Convenção sobre as Piores Formas de Trabalho Infantil, 1999 (n.º 182)',
    },
    shortName: {
      en: 'ILO Worst Forms of Child Labour Convention (No. 182)',
      es: 'Convenio de la OIT sobre las peores formas de trabajo infantil (núm. 182)',
      fr: "Convention de l'OIT sur les pires formes de travail des enfants (n° 182)",
      pt: 'Convenção da OIT sobre as Piores Formas de Trabalho Infantil (n.º 182)',
    },
    adoptedOn: '1999-06-17',
    inForceOn: '2000-11-19',
    reference:
      'ILO NORMLEX, C182 https://normlex.ilo.org/dyn/normlex/en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C182',
  },
];
