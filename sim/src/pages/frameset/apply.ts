/**
 * 调档申请 in the main frame: a plain form checked by jQuery on submit, its answer shown in place
 * (no server: the sim is static).
 */
import $ from 'jquery';
import './common';

$('#fs-apply').on('submit', (event) => {
  event.preventDefault();
  const name = String($('#fs-name').val() ?? '').trim();
  const reason = String($('#fs-reason option:selected').text());
  const result = $('#fs-result');
  if (!name || !$('#fs-reason').val()) {
    result.text('请填写被调档人姓名并选择调档事由。').addClass('fs-error').show();
    return;
  }
  const urgent = $('#fs-urgent').is(':checked') ? '（加急）' : '';
  result.removeClass('fs-error').text(`已提交：${name}，${reason}${urgent}。`).show();
});
