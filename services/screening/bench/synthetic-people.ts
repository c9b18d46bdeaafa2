/** Deterministic synthetic candidates and list entries from realistic name parts (bench only). */
export function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = [
  'Kwame', 'Ama', 'Kofi', 'Abena', 'Yaw', 'Akosua', 'Chidi', 'Ngozi', 'Emeka', 'Amina', 'Ibrahim', 'Fatou', 'Moussa', 'Aissatou', 'Samuel', 'Grace',
  'Rajesh', 'Priya', 'Anil', 'Sunita', 'Arjun', 'Kavita', 'Sanjay', 'Deepa', 'Ravi', 'Meena', 'Bishnu', 'Sita', 'Ram', 'Gita', 'Hari', 'Laxmi',
  'Muhammad', 'Ayesha', 'Imran', 'Sana', 'Tariq', 'Nadia', 'Bilal', 'Zainab', 'Hassan', 'Mariam', 'Omar', 'Layla', 'Yusuf', 'Huda', 'Khalid', 'Salma',
  'Juan', 'Maria', 'Carlos', 'Ana', 'Luis', 'Carmen', 'Jorge', 'Lucia', 'Pedro', 'Sofia', 'Miguel', 'Isabel', 'Diego', 'Elena', 'Pablo', 'Rosa',
  'Nguyen', 'Minh', 'Thi', 'Anh', 'Rahim', 'Karim', 'Shirin', 'Dilnoza', 'Bakhtiyor', 'Gulnara', 'Aziz', 'Farida', 'Tenzin', 'Pema', 'Dorji', 'Sonam',
  'Jean', 'Marie', 'Pierre', 'Claire', 'Jacques', 'Sophie', 'Andre', 'Nicole', 'Ivan', 'Olga', 'Sergei', 'Natalia', 'Dmitri', 'Irina', 'Andrei', 'Svetlana',
];
const SURNAMES = [
  'Mensah', 'Owusu', 'Boateng', 'Asante', 'Osei', 'Adjei', 'Okafor', 'Eze', 'Nwosu', 'Diallo', 'Traore', 'Keita', 'Coulibaly', 'Ndiaye', 'Sow', 'Ba',
  'Sharma', 'Singh', 'Patel', 'Gupta', 'Kumar', 'Reddy', 'Thapa', 'Gurung', 'Shrestha', 'Rai', 'Tamang', 'Magar', 'Khan', 'Ahmed', 'Hussain', 'Malik',
  'Chaudhry', 'Qureshi', 'Rahman', 'Islam', 'Hossain', 'Uddin', 'Siddiqui', 'Haque', 'Garcia', 'Rodriguez', 'Martinez', 'Lopez', 'Gonzalez', 'Perez',
  'Sanchez', 'Ramirez', 'Torres', 'Flores', 'Rivera', 'Gomez', 'Diaz', 'Cruz', 'Morales', 'Ortiz', 'Tran', 'Le', 'Pham', 'Hoang', 'Karimov', 'Rashidov',
  'Yusupov', 'Nazarov', 'Aliyev', 'Mammadov', 'Dubois', 'Martin', 'Bernard', 'Moreau', 'Laurent', 'Lefebvre', 'Ivanov', 'Smirnov', 'Kuznetsov', 'Popov',
  'Sokolov', 'Lebedev', 'Kozlov', 'Novikov', 'Morozov', 'Wangchuk', 'Dorji', 'Tshering', 'Silva', 'Santos', 'Oliveira', 'Souza', 'Costa', 'Pereira',
];
const COUNTRIES = ['GH', 'NG', 'SN', 'ML', 'IN', 'NP', 'PK', 'BD', 'UY', 'AR', 'PE', 'VN', 'UZ', 'AZ', 'FR', 'RU', 'BT', 'BR', 'RW', 'ET'];

export interface SyntheticPerson {
  name: string;
  dateOfBirth: string;
  nationality: string;
}

export function syntheticPerson(rand: () => number): SyntheticPerson {
  const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)]!;
  const middle = rand() < 0.35 ? ` ${pick(GIVEN)}` : '';
  const year = 1965 + Math.floor(rand() * 36);
  const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
  return { name: `${pick(GIVEN)}${middle} ${pick(SURNAMES)}`, dateOfBirth: `${year}-${month}-${day}`, nationality: pick(COUNTRIES) };
}
