/**
 * 基层服务 (grassroots.html): the two high-frequency tasks of township and community staff in the
 * training plan (三、培训对象 · 基层用户: 社保查询、疫情登记) and the offline use of the
 * registration form (离线功能使用).
 *
 * - 社保查询: read-only insured-person records, found by 身份证号 + 姓名 (both must match).
 * - 疫情防控信息登记: registrations kept in sim storage. While the browser is offline a submitted
 *   registration waits in a local outbox (离线暂存) and is synchronised when the network returns.
 */
import { simNow } from '../../shared/clock';
import { createStore, newId, registerSeed } from '../../shared/storage';

export interface Contribution {
  insurance: '城镇职工基本养老保险' | '职工基本医疗保险' | '失业保险' | '城乡居民基本养老保险';
  status: '正常参保' | '暂停缴费';
  /** Months contributed. */
  months: number;
  /** Last month paid, YYYY-MM. */
  lastPaid: string;
}

export interface InsuredPerson {
  idNumber: string;
  name: string;
  region: string;
  contributions: Contribution[];
}

/** Demo records (valid check characters; the first is the GB 11643-1999 sample number). */
export const INSURED: readonly InsuredPerson[] = [
  {
    idNumber: '11010519491231002X',
    name: '王秀英',
    region: '城关镇',
    contributions: [
      { insurance: '城乡居民基本养老保险', status: '正常参保', months: 180, lastPaid: '2025-12' },
      { insurance: '职工基本医疗保险', status: '正常参保', months: 96, lastPaid: '2026-10' },
    ],
  },
  {
    idNumber: '440304198510121233',
    name: '李建国',
    region: '河西社区',
    contributions: [
      { insurance: '城镇职工基本养老保险', status: '正常参保', months: 152, lastPaid: '2026-10' },
      { insurance: '职工基本医疗保险', status: '正常参保', months: 152, lastPaid: '2026-10' },
      { insurance: '失业保险', status: '暂停缴费', months: 60, lastPaid: '2021-06' },
    ],
  },
];

export function findInsured(idNumber: string, name: string): InsuredPerson | undefined {
  const id = idNumber.trim().toUpperCase();
  return INSURED.find((person) => person.idNumber === id && person.name === name.trim());
}

export type HealthStatus = '正常' | '发热' | '其他症状';

export interface EpidemicRegistration {
  id: string;
  name: string;
  idNumber: string;
  phone: string;
  address: string;
  health: HealthStatus;
  /** Travelled outside the city in the last 14 days. */
  travelled: boolean;
  registeredAt: number;
  registeredBy: string;
  /** Entered while offline and synchronised later. */
  offline: boolean;
}

export type RegistrationInput = Omit<
  EpidemicRegistration,
  'id' | 'registeredAt' | 'registeredBy' | 'offline'
>;

const registrations = createStore<EpidemicRegistration[]>('grassroots:epidemic', () => []);
/** Registrations made offline, waiting for the network (离线暂存). */
const outbox = createStore<(RegistrationInput & { savedAt: number; by: string })[]>(
  'grassroots:outbox',
  () => [],
);

registerSeed('grassroots', () => {
  outbox.set([]);
  registrations.set([
    {
      id: 'DJ-0001',
      name: '赵小梅',
      idNumber: '320106199003074566',
      phone: '13912345678',
      address: '河西社区 3 栋 201',
      health: '正常',
      travelled: false,
      registeredAt: simNow() - 26 * 3600_000,
      registeredBy: 'xiangzhen',
      offline: false,
    },
  ]);
});

export const grassrootsApi = {
  list: () => registrations.get(),
  pending: () => outbox.get(),
  /** Online: stored at once; offline: kept in the outbox until {@link grassrootsApi.sync}. */
  register(input: RegistrationInput, by: string, online: boolean): 'saved' | 'queued' {
    if (!online) {
      outbox.update((items) => [...items, { ...input, savedAt: simNow(), by }]);
      return 'queued';
    }
    registrations.update((items) => [
      ...items,
      { ...input, id: newId('DJ'), registeredAt: simNow(), registeredBy: by, offline: false },
    ]);
    return 'saved';
  },
  /** Moves everything queued offline into the register; returns how many. */
  sync(): number {
    const queued = outbox.get();
    if (queued.length === 0) return 0;
    registrations.update((items) => [
      ...items,
      ...queued.map(({ savedAt, by, ...input }) => ({
        ...input,
        id: newId('DJ'),
        registeredAt: savedAt,
        registeredBy: by,
        offline: true,
      })),
    ]);
    outbox.set([]);
    return queued.length;
  },
};
