import type { IndicatorInput, Texts } from '../../../shared/schemas/statistics.js';

/*
 * The framework's starting indicators, aligned on the UNODC data collection for the Global Report
 * on Trafficking in Persons (GLOTIP), so that state reports and the GLOTIP file line up. The
 * secretariat edits them through the API; the seed only adds missing ones.
 */

const SEX = ['female', 'male', 'other', 'unknown'];
const AGE = ['child', 'adult', 'unknown'];

const VICTIMS_METHOD: Texts = {
  en: 'Counts for the calendar year, as in the UNODC GLOTIP data collection. Each person is counted once a year. Child: under 18 years. Every breakdown has an "unknown" category so that it adds up to the total.',
  es: 'Recuentos del año calendario, como en la recopilación de datos GLOTIP de la UNODC. Cada persona se cuenta una vez al año. Niño o niña: menor de 18 años. Cada desglose tiene una categoría «desconocido» para que sume el total.',
  fr: "Effectifs de l'année civile, comme dans la collecte de données GLOTIP de l'ONUDC. Chaque personne est comptée une fois par an. Enfant : moins de 18 ans. Chaque ventilation a une catégorie « inconnu » afin que sa somme égale le total.",
  pt: 'Contagens do ano civil, como na coleta de dados GLOTIP do UNODC. Cada pessoa é contada uma vez por ano. Criança: menor de 18 anos. Cada desagregação tem uma categoria «desconhecido» para que some o total.',
};
const PERSONS_METHOD: Texts = {
  en: 'Counts of persons, not of cases, for the calendar year, as in the UNODC GLOTIP data collection. A person is counted once a year at the furthest stage reached in that year of each count.',
  es: 'Recuentos de personas, no de casos, del año calendario, como en la recopilación de datos GLOTIP de la UNODC. Cada persona se cuenta una vez al año en cada recuento.',
  fr: "Effectifs de personnes, non d'affaires, de l'année civile, comme dans la collecte de données GLOTIP de l'ONUDC. Chaque personne est comptée une fois par an dans chaque effectif.",
  pt: 'Contagens de pessoas, não de casos, do ano civil, como na coleta de dados GLOTIP do UNODC. Cada pessoa é contada uma vez por ano em cada contagem.',
};

export const SEED_INDICATORS: IndicatorInput[] = [
  {
    code: 'victims_detected',
    name: {
      en: 'Victims of trafficking detected',
      es: 'Víctimas de trata detectadas',
      fr: 'Victimes de la traite détectées',
      pt: 'Vítimas de tráfico detectadas',
    },
    definition: {
      en: 'Persons identified as victims of trafficking in persons by national authorities (police, prosecution, labour inspection, victim services) during the year.',
      es: 'Personas identificadas como víctimas de trata de personas por las autoridades nacionales (policía, fiscalía, inspección del trabajo, servicios de atención a víctimas) durante el año.',
      fr: "Personnes identifiées comme victimes de la traite des personnes par les autorités nationales (police, parquet, inspection du travail, services d'aide aux victimes) au cours de l'année.",
      pt: 'Pessoas identificadas como vítimas de tráfico de pessoas pelas autoridades nacionais (polícia, ministério público, inspeção do trabalho, serviços de apoio às vítimas) durante o ano.',
    },
    methodology: VICTIMS_METHOD,
    unit: 'persons',
    breakdowns: {
      sex: SEX,
      age: AGE,
      exploitation: ['sexual', 'forced_labour', 'other', 'unknown'],
      citizenship: ['national', 'foreign', 'unknown'],
    },
    additive: true,
  },
  {
    code: 'victims_assisted',
    name: { en: 'Victims assisted', es: 'Víctimas asistidas', fr: 'Victimes assistées', pt: 'Vítimas assistidas' },
    definition: {
      en: 'Victims of trafficking who received assistance (shelter, medical, psychological, legal or social support) from state or state-funded services during the year.',
      es: 'Víctimas de trata que recibieron asistencia (albergue, atención médica, psicológica, jurídica o social) de servicios estatales o financiados por el Estado durante el año.',
      fr: "Victimes de la traite ayant reçu une assistance (hébergement, soins médicaux, soutien psychologique, juridique ou social) de services publics ou financés par l'État au cours de l'année.",
      pt: 'Vítimas de tráfico que receberam assistência (abrigo, atendimento médico, psicológico, jurídico ou social) de serviços estatais ou financiados pelo Estado durante o ano.',
    },
    methodology: VICTIMS_METHOD,
    unit: 'persons',
    breakdowns: { sex: SEX, age: AGE },
    additive: true,
  },
  {
    code: 'victims_repatriated',
    name: {
      en: 'Victims returned or repatriated',
      es: 'Víctimas retornadas o repatriadas',
      fr: 'Victimes retournées ou rapatriées',
      pt: 'Vítimas retornadas ou repatriadas',
    },
    definition: {
      en: 'Victims of trafficking returned or repatriated, to or from the reporting state, during the year.',
      es: 'Víctimas de trata retornadas o repatriadas, hacia o desde el Estado informante, durante el año.',
      fr: "Victimes de la traite retournées ou rapatriées, vers ou depuis l'État déclarant, au cours de l'année.",
      pt: 'Vítimas de tráfico retornadas ou repatriadas, para ou a partir do Estado declarante, durante o ano.',
    },
    methodology: VICTIMS_METHOD,
    unit: 'persons',
    breakdowns: { sex: SEX, age: AGE, direction: ['to_state', 'from_state'] },
    additive: true,
  },
  {
    code: 'persons_investigated',
    name: {
      en: 'Persons investigated for trafficking',
      es: 'Personas investigadas por trata',
      fr: "Personnes faisant l'objet d'une enquête pour traite",
      pt: 'Pessoas investigadas por tráfico',
    },
    definition: {
      en: 'Persons suspected of trafficking in persons and brought into formal contact with the police or other law enforcement during the year (UNODC: persons brought into formal contact).',
      es: 'Personas sospechosas de trata de personas que entraron en contacto formal con la policía u otras autoridades encargadas de hacer cumplir la ley durante el año (UNODC: personas en contacto formal).',
      fr: "Personnes soupçonnées de traite des personnes entrées en contact formel avec la police ou d'autres services répressifs au cours de l'année (ONUDC : personnes entrées en contact formel).",
      pt: 'Pessoas suspeitas de tráfico de pessoas que entraram em contato formal com a polícia ou outras autoridades de aplicação da lei durante o ano (UNODC: pessoas em contato formal).',
    },
    methodology: PERSONS_METHOD,
    unit: 'persons',
    breakdowns: { sex: SEX },
    additive: true,
  },
  {
    code: 'persons_prosecuted',
    name: {
      en: 'Persons prosecuted for trafficking',
      es: 'Personas procesadas por trata',
      fr: 'Personnes poursuivies pour traite',
      pt: 'Pessoas processadas por tráfico',
    },
    definition: {
      en: 'Persons against whom the prosecution initiated criminal proceedings for trafficking in persons during the year.',
      es: 'Personas contra las que la fiscalía inició un proceso penal por trata de personas durante el año.',
      fr: "Personnes contre lesquelles le ministère public a engagé des poursuites pénales pour traite des personnes au cours de l'année.",
      pt: 'Pessoas contra as quais o ministério público iniciou ação penal por tráfico de pessoas durante o ano.',
    },
    methodology: PERSONS_METHOD,
    unit: 'persons',
    breakdowns: { sex: SEX },
    additive: true,
  },
  {
    code: 'persons_convicted',
    name: {
      en: 'Persons convicted of trafficking',
      es: 'Personas condenadas por trata',
      fr: 'Personnes condamnées pour traite',
      pt: 'Pessoas condenadas por tráfico',
    },
    definition: {
      en: 'Persons found guilty of trafficking in persons by a court, at first instance, during the year.',
      es: 'Personas declaradas culpables de trata de personas por un tribunal, en primera instancia, durante el año.',
      fr: "Personnes reconnues coupables de traite des personnes par un tribunal, en première instance, au cours de l'année.",
      pt: 'Pessoas declaradas culpadas de tráfico de pessoas por um tribunal, em primeira instância, durante o ano.',
    },
    methodology: PERSONS_METHOD,
    unit: 'persons',
    breakdowns: { sex: SEX },
    additive: true,
  },
  {
    code: 'offences_recorded',
    name: {
      en: 'Trafficking offences recorded',
      es: 'Delitos de trata registrados',
      fr: 'Infractions de traite enregistrées',
      pt: 'Crimes de tráfico registrados',
    },
    definition: {
      en: 'Offences of trafficking in persons recorded by the police during the year.',
      es: 'Delitos de trata de personas registrados por la policía durante el año.',
      fr: "Infractions de traite des personnes enregistrées par la police au cours de l'année.",
      pt: 'Crimes de tráfico de pessoas registrados pela polícia durante o ano.',
    },
    methodology: {
      en: 'Offences recorded by the police in the calendar year, as in the UNODC GLOTIP data collection; one offence may involve several persons.',
      es: 'Delitos registrados por la policía en el año calendario, como en la recopilación de datos GLOTIP de la UNODC; un delito puede afectar a varias personas.',
      fr: "Infractions enregistrées par la police pendant l'année civile, comme dans la collecte de données GLOTIP de l'ONUDC ; une infraction peut concerner plusieurs personnes.",
      pt: 'Crimes registrados pela polícia no ano civil, como na coleta de dados GLOTIP do UNODC; um crime pode envolver várias pessoas.',
    },
    unit: 'offences',
    breakdowns: {},
    additive: true,
  },
];
