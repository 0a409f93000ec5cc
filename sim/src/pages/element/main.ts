/**
 * 便民服务登记, built with the real Element Plus (Vue 3, zh-cn locale, its own CSS): the widgets a
 * reviewer's Element Plus office system tripped Zhiyin over (issue 13) — a multiple-select
 * cascader whose values live in tags, an upload whose trigger wraps a button of the same name,
 * a pagination page-size select found by its text, teleported dropdowns and a dialog.
 */
import ElementPlus, {
  ElButton,
  ElCascader,
  ElDialog,
  ElForm,
  ElFormItem,
  ElMessage,
  ElOption,
  ElPagination,
  ElSelect,
  ElTable,
  ElTableColumn,
  ElUpload,
} from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn.mjs';
import 'element-plus/dist/index.css';
import { computed, createApp, h, ref } from 'vue';

const REGIONS = [
  {
    value: 'beishan',
    label: '北山乡',
    children: [
      { value: 'dongcun', label: '东村' },
      { value: 'xicun', label: '西村' },
    ],
  },
  {
    value: 'nanhu',
    label: '南湖街道',
    children: [{ value: 'hubin', label: '湖滨社区' }],
  },
];

const ROWS = Array.from({ length: 200 }, (_, index) => ({
  no: `BM2026${String(index + 1).padStart(5, '0')}`,
  item: index % 3 === 0 ? '营业执照办理' : index % 3 === 1 ? '社保查询' : '居住证办理',
  state: index % 4 === 0 ? '已办结' : '审批中',
}));

const App = {
  setup() {
    const areas = ref<unknown[]>([]);
    const type = ref('');
    const page = ref(1);
    const size = ref(10);
    const confirming = ref(false);
    const rows = computed(() => ROWS.slice((page.value - 1) * size.value, page.value * size.value));
    return () =>
      h('main', { style: 'padding:24px;max-width:960px;font-family:sans-serif' }, [
        h('h1', { style: 'font-size:20px' }, '便民服务登记'),
        h(ElForm, { labelWidth: '120px' }, () => [
          h(ElFormItem, { label: '服务区域' }, () =>
            h(ElCascader, {
              modelValue: areas.value as string[][],
              'onUpdate:modelValue': (value: unknown) =>
                (areas.value = Array.isArray(value) ? value : []),
              options: REGIONS,
              props: { multiple: true },
              placeholder: '请选择服务区域',
              clearable: true,
            }),
          ),
          h(ElFormItem, { label: '事项类型' }, () =>
            h(
              ElSelect,
              {
                modelValue: type.value,
                'onUpdate:modelValue': (value: string) => (type.value = value),
                placeholder: '请选择事项类型',
                style: 'width:240px',
              },
              () => [
                h(ElOption, { label: '营业执照办理', value: 'license' }),
                h(ElOption, { label: '社保查询', value: 'social' }),
              ],
            ),
          ),
          h(ElFormItem, { label: '申请材料' }, () =>
            h(
              ElUpload,
              { action: '#', autoUpload: false },
              { default: () => h(ElButton, { type: 'primary' }, () => '选择文件') },
            ),
          ),
          h(ElFormItem, null, () =>
            h(
              ElButton,
              { type: 'primary', onClick: () => (confirming.value = true) },
              () => '提交',
            ),
          ),
        ]),
        h(ElTable, { data: rows.value, style: 'width:100%' }, () => [
          h(ElTableColumn, { prop: 'no', label: '受理编号' }),
          h(ElTableColumn, { prop: 'item', label: '事项' }),
          h(ElTableColumn, { prop: 'state', label: '状态' }),
        ]),
        h(ElPagination, {
          currentPage: page.value,
          'onUpdate:currentPage': (value: number) => (page.value = value),
          pageSize: size.value,
          'onUpdate:pageSize': (value: number) => (size.value = value),
          pageSizes: [10, 20, 50],
          total: ROWS.length,
          layout: 'total, sizes, prev, pager, next',
          style: 'margin-top:12px',
        }),
        h(
          ElDialog,
          {
            modelValue: confirming.value,
            'onUpdate:modelValue': (value: boolean) => (confirming.value = value),
            title: '确认提交',
            width: '420px',
          },
          {
            default: () =>
              h(
                'p',
                null,
                `服务区域 ${areas.value.length} 个，事项类型：${type.value || '未选择'}`,
              ),
            footer: () => [
              h(ElButton, { onClick: () => (confirming.value = false) }, () => '取消'),
              h(
                ElButton,
                {
                  type: 'primary',
                  onClick: () => {
                    confirming.value = false;
                    void ElMessage.success('已提交');
                  },
                },
                () => '确定',
              ),
            ],
          },
        ),
      ]);
  },
};

createApp(App).use(ElementPlus, { locale: zhCn }).mount('#element-app');
