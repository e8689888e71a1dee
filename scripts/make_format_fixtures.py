#!/usr/bin/env python3
"""Writes the workbook fixtures of crates/core/tests/fixtures/formats/ (run from the repo root).

The rows are made up; the layouts follow the exports people download: WeChat Pay's XLSX bill
(the 2025 layout, and the 2026 one with one more preamble line and plain-number amounts), and a
workbook that holds its statement twice (formatted and raw). Needs openpyxl (xlwt for the Excel 97-2003 file, odfpy for the OpenDocument one). The encrypted ZIP
is made with Info-ZIP (`zip -P`), which writes ZipCrypto.
"""
import datetime as dt
import os
import subprocess

from openpyxl import Workbook

OUT = "crates/core/tests/fixtures/formats"

WECHAT_HEADER = ["交易时间", "交易类型", "交易对方", "商品", "收/支", "金额(元)", "支付方式", "当前状态", "交易单号", "商户单号", "备注"]
WECHAT_ROWS = [
    (dt.datetime(2025, 3, 2, 8, 15, 3), "商户消费", "瑞幸咖啡", "生椰拿铁", "支出", "9.90", "零钱", "支付成功", "4200002311202503021234", "10001", "/"),
    (dt.datetime(2025, 3, 2, 8, 15, 3), "商户消费", "瑞幸咖啡", "生椰拿铁", "支出", "9.90", "零钱", "支付成功", "4200002311202503021299", "10002", "/"),
    (dt.datetime(2025, 3, 5, 19, 40, 0), "微信红包", "张三", "/", "收入", "88.00", "/", "已存入零钱", "1000039901202503051", "/", "/"),
    (dt.datetime(2025, 3, 9, 12, 1, 59), "商户消费", "美团外卖", "外卖订单", "支出", "35.50", "招商银行储蓄卡(1234)", "支付成功", "4200002311202503095678", "20003", "/"),
    (dt.datetime(2025, 3, 12, 9, 0, 0), "零钱提现", "招商银行(1234)", "/", "/", "200.00", "/", "提现已到账", "1000050001202503121", "/", "服务费¥0.20"),
]


def preamble(extra):
    lines = [
        ["微信支付账单明细"],
        ["微信昵称：[小明]"],
        ["起始时间：[2025-03-01 00:00:00] 终止时间：[2025-03-31 23:59:59]"],
        ["导出类型：[全部]"],
        ["导出时间：[2025-04-01 10:00:00]"],
    ]
    if extra:
        lines.append(["账单来源：[微信支付]"])
    lines += [
        [],
        ["共5笔记录"],
        ["收入：1笔 88.00元"],
        ["支出：3笔 55.30元"],
        ["中性交易：1笔 200.00元"],
        ["注："],
        ["1. 充值/提现/理财通购买/零钱通存取/信用卡还款等交易，将计入中性交易"],
        ["2. 本明细仅展示当前账单中的交易，不包括已删除的记录"],
        ["3. 本明细仅供个人对账使用"],
        [],
        ["----------------------微信支付账单明细列表--------------------"],
    ]
    return lines


def wechat(path, layout_2026):
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for line in preamble(layout_2026):
        ws.append(line)
    ws.append(WECHAT_HEADER)
    for r in WECHAT_ROWS:
        r = list(r)
        if layout_2026:
            # 2026: the time is a date cell and the amount a number cell, no yen sign.
            r[5] = float(r[5])
        else:
            r[0] = r[0].strftime("%Y-%m-%d %H:%M:%S")
            r[5] = "¥" + r[5]
        ws.append(r)
    if layout_2026:
        for row in ws.iter_rows(min_row=len(preamble(True)) + 2):
            row[0].number_format = "yyyy-mm-dd hh:mm:ss"
    wb.save(path)


def twice(path):
    wb = Workbook()
    cover = wb.active
    cover.title = "Overview"
    cover.append(["Card statement"])
    cover.append(["Card", "**** 9876"])
    cover.append(["Period", "May 2024"])
    rows = [
        (dt.date(2024, 5, 3), "UBER *TRIP", -23.4),
        (dt.date(2024, 5, 7), "AMAZON MKTPLACE", -59.99),
        (dt.date(2024, 5, 21), "PAYMENT RECEIVED", 500.0),
        (dt.date(2024, 5, 28), "STARBUCKS 0455", -5.25),
    ]
    for title, fmt in (("Formatted", "dd mmm yyyy"), ("Raw", None)):
        ws = wb.create_sheet(title)
        if fmt:
            ws.append(["Statement of card **** 9876"])
            ws.append([])
        ws.append(["Date", "Description", "Amount (USD)"])
        for d, text, amount in rows:
            ws.append([d, text, amount])
            if fmt:
                ws.cell(row=ws.max_row, column=1).number_format = fmt
                ws.cell(row=ws.max_row, column=3).number_format = "#,##0.00"
        if fmt:
            ws.append([])
            ws.append(["Total", None, sum(r[2] for r in rows)])
    wb.save(path)


def ccb(path):
    """China Construction Bank account details: a title block, then the table (the bank's XLS
    has the same rows; calamine reads both)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "交易明细"
    ws.append(["中国建设银行个人活期账户全部交易明细"])
    ws.append(["卡号/账号:6217000012341234", None, "客户名称:王小明"])
    ws.append(["起始日期:20240301", None, "结束日期:20240331"])
    ws.append(["序号", "摘要", "币别", "钞汇", "交易日期", "交易金额", "账户余额", "交易地点/附言", "对方账号与户名"])
    ws.append([1, "消费", "人民币", "钞", "20240301", -35.5, 1964.5, "财付通-美团外卖", ""])
    ws.append([2, "存入", "人民币", "钞", "20240305", 5000.0, 6964.5, "工资", "6222000011112222/某某科技有限公司"])
    ws.append([3, "支取", "人民币", "钞", "20240310", -200.0, 6764.5, "ATM取款 北京朝阳支行", ""])
    wb.save(path)


def boc(path):
    """Bank of China debit-card details, the table under a two-line title."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet0"
    ws.append(["中国银行交易流水明细清单"])
    ws.append(["交易区间：2024-07-01 至 2024-07-31"])
    ws.append(["记账日期", "记账时间", "币别", "金额", "余额", "交易名称", "渠道", "网点名称", "附言", "对方账户名", "对方卡号/账号", "对方开户行"])
    ws.append(["2024-07-02", "12:31:08", "人民币", -68.0, 4932.0, "网上快捷支付", "银联", "", "京东商城", "京东支付", "-------", "-------"])
    ws.append(["2024-07-10", "09:00:00", "人民币", 8800.0, 13732.0, "代发工资", "柜台", "北京分行", "7月工资", "某某有限公司", "3400001111", "中国银行"])
    ws.append(["2024-07-21", "18:45:30", "人民币", -1200.0, 12532.0, "转账支出", "手机银行", "", "房租", "李四", "6217000099998888", "建设银行"])
    wb.save(path)


def ods(path):
    """A German giro export saved as an OpenDocument spreadsheet (LibreOffice users do this):
    date cells, float cells, a title row. Needs odfpy."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableRow, TableCell
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Umsaetze")

    def row(cells):
        tr = TableRow()
        for c in cells:
            if isinstance(c, dt.date):
                cell = TableCell(valuetype="date", datevalue=c.isoformat())
                cell.addElement(P(text=c.strftime("%d.%m.%Y")))
            elif isinstance(c, float):
                cell = TableCell(valuetype="float", value=str(c))
                cell.addElement(P(text=f"{c:.2f}".replace(".", ",")))
            else:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=c))
            tr.addElement(cell)
        table.addElement(tr)

    row(["Kontoumsätze Girokonto DE44500105175407324931"])
    row(["Buchungstag", "Verwendungszweck", "Betrag", "Währung"])
    row([dt.date(2024, 9, 2), "REWE Markt GmbH", -41.37, "EUR"])
    row([dt.date(2024, 9, 13), "Miete September", -950.0, "EUR"])
    row([dt.date(2024, 9, 30), "Gehalt", 3120.55, "EUR"])
    doc.spreadsheet.addElement(table)
    doc.save(path)


def icbc_xls(path):
    """An ICBC debit-card history as the bank's Excel 97-2003 file (BIFF): date cells, number
    cells, a title and a footer. Needs xlwt."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("明细")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    money = xlwt.easyxf(num_format_str="#,##0.00")
    ws.write(0, 0, "中国工商银行借记卡账户历史明细")
    ws.write(1, 0, "卡号：6222020200112233445")
    header = ["交易日期", "摘要", "交易场所", "交易国家或地区简称", "钞/汇", "记账金额(收入)", "记账金额(支出)", "记账币种", "余额"]
    for c, h in enumerate(header):
        ws.write(3, c, h)
    rows = [
        (dt.date(2024, 8, 1), "消费", "北京地铁", "CHN", "钞", None, 6.0, "人民币", 2994.0),
        (dt.date(2024, 8, 8), "工资", "某某科技有限公司", "CHN", "钞", 12000.0, None, "人民币", 14994.0),
        (dt.date(2024, 8, 15), "消费", "盒马鲜生", "CHN", "钞", None, 156.8, "人民币", 14837.2),
        (dt.date(2024, 8, 20), "退款", "盒马鲜生", "CHN", "钞", 23.5, None, "人民币", 14860.7),
    ]
    for r, row in enumerate(rows, start=4):
        for c, v in enumerate(row):
            if v is None:
                continue
            if c == 0:
                ws.write(r, c, v, date_style)
            elif isinstance(v, float):
                ws.write(r, c, v, money)
            else:
                ws.write(r, c, v)
    ws.write(9, 0, "合计")
    ws.write(9, 5, 12023.5, money)
    ws.write(9, 6, 162.8, money)
    book.save(path)


def main():
    wechat(os.path.join(OUT, "wechat_2025.xlsx"), False)
    wechat(os.path.join(OUT, "wechat_2026.xlsx"), True)
    twice(os.path.join(OUT, "card_two_sheets.xlsx"))
    ccb(os.path.join(OUT, "ccb_detail.xlsx"))
    icbc_xls(os.path.join(OUT, "icbc_history.xls"))
    boc(os.path.join(OUT, "boc_detail.xlsx"))
    ods(os.path.join(OUT, "giro_export.ods"))
    zipped = os.path.abspath(os.path.join(OUT, "bills_zipcrypto.zip"))
    if os.path.exists(zipped):
        os.remove(zipped)
    subprocess.run(
        ["zip", "-q", "-X", "-j", "-P", "654321", zipped,
         os.path.join(OUT, "wechat_2026.xlsx"), os.path.join(OUT, "export_csv_named.xls")],
        check=True,
    )


if __name__ == "__main__":
    main()
