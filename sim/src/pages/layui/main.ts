/**
 * 社保业务受理, built with the real layui 2.13 (its dist script and CSS, bundled by the sim build:
 * no CDN): the widgets of the jQuery-era government systems Zhiyin is pointed at (issue 13) —
 * selects, checkboxes, switches and radios skinned as divs over hidden native inputs, laydate,
 * a layer confirm dialog whose buttons are `<a>` without href, classic tabs, a table with a
 * page-size select, an upload button.
 */
import 'layui/dist/css/layui.css';
import 'layui';
import './layui.css';

const { form, layer, table, element, laydate, upload } = window.layui;

const ITEMS = ['养老保险转移', '医保报销', '工伤认定'];
const ROWS = Array.from({ length: 45 }, (_, index) => ({
  no: `SB2026${String(index + 1).padStart(5, '0')}`,
  applicant: ['张三', '李四', '王五', '赵六'][index % 4],
  item: ITEMS[index % 3],
  state: index % 4 === 0 ? '已办结' : '审批中',
}));

form.render();
element.render('tab', 'main-tabs');

laydate.render({ elem: '#lay-date', lang: 'cn', min: 0 });

upload.render({
  elem: '#lay-upload',
  auto: false,
  accept: 'file',
  choose(obj: { preview(callback: (index: number, file: File) => void): void }) {
    obj.preview((_index, file) => {
      const name = document.getElementById('lay-upload-name');
      if (name) name.textContent = file.name;
    });
  },
});

table.render({
  elem: '#lay-table',
  id: 'records',
  data: ROWS,
  page: { layout: ['count', 'prev', 'page', 'next', 'limit'], limits: [10, 20, 50] },
  limit: 10,
  cols: [
    [
      { field: 'no', title: '受理编号', width: 160 },
      { field: 'applicant', title: '申请人' },
      { field: 'item', title: '事项' },
      { field: 'state', title: '状态' },
    ],
  ],
});

// A table rendered in a hidden tab has no widths yet: lay it out again when its tab shows.
element.on('tab(main-tabs)', (data) => {
  if (data.index === 1) table.resize('records');
});

form.on('submit(apply-submit)', ({ field }) => {
  const item = ITEMS[['pension', 'medical', 'injury'].indexOf(field.type ?? '')] ?? '未选择';
  layer.confirm(
    `申请人：${field.applicant ?? ''}，事项：${item}。确认提交本次申请？`,
    { title: '确认提交', icon: 3, btn: ['确定', '取消'] },
    (index) => {
      layer.close(index);
      layer.msg('已提交');
    },
  );
  return false;
});
