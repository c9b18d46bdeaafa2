/**
 * Synthetic people from realistic name parts across cultures, seeded. Common parts come up more
 * often (Zipf-like), and family names are also built from syllables so that a million names have
 * a realistic long tail of rare words.
 */
import type { ListEntry } from '../src/index';
import { pick, pickZipf, type Random } from './seeded-random';

interface Culture {
  given: string[];
  family: string[];
  syllables: string[];
  country: string;
  /** Builds a full name from parts. */
  shape: (rnd: Random, c: Culture, given: () => string, family: () => string, male: boolean) => string;
}

const w = (s: string) => s.split(' ');

const CULTURES: Culture[] = [
  {
    country: 'Sudan',
    given: w(
      'Mohammed Ahmed Ali Omar Abdullah Ibrahim Hassan Hussein Yusuf Khalid Mustafa Abdel Osman Adam Ismail Salah Tariq Faisal Hamza Bilal Karim Jamal Nasser Walid Ziad Anas Amin Idris Musa Suleiman Fatima Aisha Mariam Khadija Amina Zainab Huda Layla Samira Nour',
    ),
    family: w(
      'Abdelrahman Osman Elhassan Mahmoud Abdalla Ibrahim Suleiman Elamin Mustafa Babiker Hamid Nur Eltayeb Yousif Adam Bashir Khalil Haroun Gasim Elsheikh',
    ),
    syllables: w('ab al bar dar el fa ha ja kar ma mah nur ra sa sha ta wa za id ou im in'),
    shape: (rnd, _c, g, f) => (rnd() < 0.5 ? `${g()} ${g()} ${f()}` : `${g()} ${f()}`),
  },
  {
    country: 'Russian Federation',
    given: w(
      'Aleksandr Sergei Vladimir Dmitri Andrei Alexei Ivan Mikhail Nikolai Yevgeny Oleg Igor Pavel Viktor Yuri Anatoly Boris Roman Maksim Denis Olga Tatiana Elena Natalia Irina Svetlana Anna Maria Yulia Ekaterina',
    ),
    family: w(
      'Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov Fedorov Morozov Volkov Alekseev Lebedev Semenov Egorov Pavlov Kozlov Stepanov Nikolaev Orlov Andreev Makarov Zakharov Zaitsev',
    ),
    syllables: w('ko vo ro mi na sha le ti ba gri zu che pe do ly sto ra'),
    shape: (rnd, c, g, f, male) => {
      const father = pick(rnd, c.given.slice(0, 20)).replace(/(?:ei|ii|y|i)$/, '');
      const sur = f();
      return male ? `${g()} ${father}ovich ${sur}` : `${g()} ${father}ovna ${sur}${/ov$|ev$|in$/.test(sur) ? 'a' : ''}`;
    },
  },
  {
    country: 'United States',
    given: w(
      'James John Robert Michael William David Richard Joseph Thomas Charles Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Daniel Matthew Anthony Mark Paul Steven Andrew Kevin Brian George',
    ),
    family: w(
      'Smith Johnson Williams Brown Jones Garcia Miller Davis Wilson Anderson Taylor Thomas Moore Jackson Martin Lee Thompson White Harris Clark Lewis Robinson Walker Young Allen',
    ),
    syllables: w('bar ton well ham ley ford son wood field man ridge ster ing ley brook'),
    shape: (rnd, _c, g, f) => (rnd() < 0.4 ? `${g()} ${g()} ${f()}` : `${g()} ${f()}`),
  },
  {
    country: 'Colombia',
    given: w(
      'Jose Juan Luis Carlos Jorge Miguel Pedro Manuel Francisco Antonio Maria Ana Carmen Rosa Luz Diana Sandra Claudia Andres Diego Alejandro Fernando Ricardo Javier',
    ),
    family: w(
      'Garcia Rodriguez Martinez Lopez Gonzalez Hernandez Perez Sanchez Ramirez Torres Flores Rivera Gomez Diaz Vargas Castro Romero Suarez Jimenez Moreno Munoz Rojas Ortiz Mendoza',
    ),
    syllables: w('ga ro mar ez lo pe ra do tin cas ver bel men qui'),
    shape: (rnd, _c, g, f) => `${g()}${rnd() < 0.4 ? ` ${g()}` : ''} ${f()} ${f()}`,
  },
  {
    country: 'Democratic Republic of the Congo',
    given: w(
      'Jean Pierre Joseph Emmanuel Patrick Didier Albert Felix Germain Thomas Bosco Innocent Justin Celestin Marie Josephine Esther Grace Chantal Solange Aimee',
    ),
    family: w(
      'Kabila Tshisekedi Mbuyi Ilunga Kasongo Mukendi Kalala Ngoy Banza Mwamba Kabongo Lukusa Nkulu Tshibangu Mulumba Kazadi Mutombo Bemba Lumbala Ntaganda Lubanga Katanga Ngudjolo',
    ),
    syllables: w('ka mu ba tshi lu ngo nda mbe ki sa ye wa zi bo'),
    shape: (rnd, _c, g, f) => (rnd() < 0.5 ? `${f()} ${f()} ${g()}` : `${g()} ${f()}`),
  },
  {
    country: 'Pakistan',
    given: w(
      'Muhammad Ahmad Ali Hassan Hussain Imran Asif Tariq Zahid Kamran Bilal Usman Faisal Shahid Naveed Abdul Ghulam Fatima Ayesha Saima Nadia Rabia Sana',
    ),
    family: w(
      'Khan Ahmed Malik Hussain Qureshi Sheikh Chaudhry Butt Raza Iqbal Rana Mirza Siddiqui Akhtar Javed Shah Bhatti Abbasi Anwar Aslam',
    ),
    syllables: w('za ra hu ma ne sa di qa ba ri ja wa sha ni'),
    shape: (rnd, _c, g, f) => (rnd() < 0.5 ? `${g()} ${g()} ${f()}` : `${g()} ${f()}`),
  },
  {
    country: 'China',
    given: w('Wei Fang Min Jing Li Qiang Lei Jun Yong Jie Tao Ming Chao Xiuying Xiaoming Jianguo Guoqiang Haiyan Hui Yan'),
    family: w('Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo'),
    syllables: w('zh ang ong ian ua ei ao ou in en'),
    shape: (_rnd, _c, g, f) => `${f()} ${g()}`,
  },
  {
    country: 'India',
    given: w(
      'Rahul Amit Sanjay Rajesh Suresh Vijay Anil Sunil Ravi Arjun Priya Pooja Anjali Sunita Kavita Deepak Manoj Ramesh Ashok Vikram',
    ),
    family: w(
      'Sharma Singh Kumar Patel Gupta Reddy Nair Iyer Rao Joshi Verma Mehta Das Chatterjee Banerjee Mishra Pandey Yadav Jain Kapoor',
    ),
    syllables: w('ra ja pa ta ka na ma sha dra van wal kar'),
    shape: (rnd, _c, g, f) => (rnd() < 0.3 ? `${g()} ${g()} ${f()}` : `${g()} ${f()}`),
  },
  {
    country: 'Ethiopia',
    given: w(
      'Abebe Tesfaye Girma Haile Mulugeta Solomon Dawit Yohannes Bekele Getachew Alemu Tadesse Almaz Tigist Meseret Hirut Selam Birtukan',
    ),
    family: w('Kebede Tesfaye Bekele Haile Wolde Mengistu Desta Gebre Tadesse Alemu Negash Abera Mekonnen Assefa Worku Lemma Tefera Ayele'),
    syllables: w('ge bre wol de mes fin ta ye ha le ma ka'),
    shape: (_rnd, _c, g, f) => `${g()} ${f()} ${f()}`,
  },
  {
    country: 'Iran',
    given: w('Ali Hossein Reza Mohammad Mehdi Hamid Ahmad Majid Saeed Amir Javad Fatemeh Zahra Maryam Narges Leila Parisa Shirin'),
    family: w(
      'Hosseini Mohammadi Ahmadi Rezaei Moradi Karimi Jafari Rahimi Kazemi Hashemi Ghasemi Sadeghi Mousavi Tehrani Rostami Akbari Nouri Safavi',
    ),
    syllables: w('za de kha ri ba par va sha mi zan ja ne'),
    shape: (rnd, _c, g, f) => (rnd() < 0.3 ? `${g()} ${g()} ${f()}` : `${g()} ${f()}`),
  },
  {
    country: 'Nigeria',
    given: w(
      'Chinedu Emeka Ifeanyi Oluwaseun Babatunde Adebayo Musa Ibrahim Aliyu Ngozi Chioma Funmilayo Aisha Halima Yusuf Abubakar Sani Tunde Kelechi Obinna',
    ),
    family: w(
      'Okafor Okonkwo Adeyemi Ogunleye Balogun Abubakar Bello Mohammed Eze Nwosu Okeke Olawale Adebayo Danjuma Lawal Ojo Uche Nnamdi',
    ),
    syllables: w('o ka nwa chu ba de yi la gun emi ke'),
    shape: (rnd, _c, g, f) => (rnd() < 0.4 ? `${g()} ${g()} ${f()}` : `${g()} ${f()}`),
  },
  {
    country: 'Korea',
    given: w('Min-jun Seo-yeon Ji-hoon Ji-woo Hyun-woo Soo-jin Young-ho Jung-hee Sung-min Eun-ji Dong-hyun Jae-won'),
    family: w('Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon'),
    syllables: w('kyu hyo seok yeon chul'),
    shape: (_rnd, _c, g, f) => `${f()} ${g()}`,
  },
];

export interface SyntheticPerson {
  name: string;
  culture: string;
  male: boolean;
  dob: string;
  nationality: string;
}

/** A generator of synthetic people; deterministic for a given random source. */
export function createPersonGenerator(rnd: Random): () => SyntheticPerson {
  const rareFamily = (c: Culture) => {
    const n = 2 + Math.floor(rnd() * 3);
    let s = '';
    for (let i = 0; i < n; i++) s += pick(rnd, c.syllables);
    return s[0]!.toUpperCase() + s.slice(1);
  };
  return () => {
    const c = pick(rnd, CULTURES);
    const male = rnd() < 0.8;
    const gender = (xs: string[]) => xs; // name parts lists mix genders; good enough for matching
    // mostly common given names, some rare ones (a real list's long tail)
    const given = () => (rnd() < 0.1 ? rareFamily(c) : pickZipf(rnd, gender(c.given)));
    // one in three family names from the long tail, so that the vocabulary grows like a real list's
    const family = () => (rnd() < 0.35 ? rareFamily(c) : pickZipf(rnd, c.family));
    const y = 1950 + Math.floor(rnd() * 55);
    const m = 1 + Math.floor(rnd() * 12);
    const d = 1 + Math.floor(rnd() * 28);
    return {
      name: c.shape(rnd, c, given, family, male),
      culture: c.country,
      male,
      dob: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      nationality: c.country,
    };
  };
}

/** A synthetic list holding `nameCount` names (one entry in five has an alias). */
export function syntheticList(rnd: Random, nameCount: number): ListEntry[] {
  const next = createPersonGenerator(rnd);
  const out: ListEntry[] = [];
  for (let i = 0, total = 0; total < nameCount; i++) {
    const p = next();
    const names: ListEntry['names'] = [{ full: p.name, kind: 'primary' }];
    if (rnd() < 0.2 && total + 1 < nameCount) names.push({ full: next().name, kind: 'alias' });
    total += names.length;
    out.push({
      id: `SYN-${i}`,
      names,
      datesOfBirth: [p.dob],
      nationalities: [p.nationality],
      gender: p.male ? 'male' : 'female',
      documents: [],
      serviceNumbers: [],
    });
  }
  return out;
}
