package io.kovan.finance.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.finance.api.AccountType;
import io.kovan.finance.api.AgeingDTO;
import io.kovan.finance.api.AgeingRowDTO;
import io.kovan.finance.api.FinanceReportService;
import io.kovan.finance.api.FinancialStatementDTO;
import io.kovan.finance.api.GrossMarginDTO;
import io.kovan.finance.api.GrossMarginRowDTO;
import io.kovan.finance.api.InvoiceKind;
import io.kovan.finance.api.LedgerDTO;
import io.kovan.finance.api.LedgerLineDTO;
import io.kovan.finance.api.StatementRowDTO;
import io.kovan.finance.api.TrialBalanceDTO;
import io.kovan.finance.api.TrialBalanceRowDTO;
import io.kovan.finance.api.VatReportDTO;
import io.kovan.finance.api.VatSummaryLineDTO;
import io.kovan.kernel.api.ValidationException;

/**
 * The financial reports, read with grouped SQL over the posted journal lines (each line carries
 * its entry's date and posted flag, so balances read one table through one index), and over the
 * invoices and their allocations for ageing.
 */
@Component(service = FinanceReportService.class)
public class FinanceReportServiceImpl implements FinanceReportService {

    private static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);

    private final JpaTemplate jpa;
    private final Company company;

    @Activate
    public FinanceReportServiceImpl(@Reference(target = "(osgi.unit.name=kovan-finance)") JpaTemplate jpa, @Reference Company company) {
        this.jpa = jpa;
        this.company = company;
    }

    private record Account(long id, String code, String name, AccountType type, Long parentId, boolean postable) {
    }

    private static Map<Long, Account> accounts(EntityManager em, long companyId) {
        Map<Long, Account> accounts = new LinkedHashMap<>();
        em.createQuery("SELECT a FROM AccountEntity a WHERE a.companyId = :c ORDER BY a.code", AccountEntity.class).setParameter("c", companyId)
            .getResultList().forEach(a -> accounts.put(a.id, new Account(a.id, a.code, a.name, AccountType.valueOf(a.type), a.parentId, a.postable)));
        return accounts;
    }

    /** Σ base debit and Σ base credit per account over posted lines dated in [from, to]. */
    private static Map<Long, BigDecimal[]> sums(EntityManager em, long companyId, LocalDate from, LocalDate to) {
        return sums(em, companyId, from, to, null);
    }

    /** The same for the named accounts only (null: all): the income statement reads its accounts' lines, not the balance sheet's too. */
    private static Map<Long, BigDecimal[]> sums(EntityManager em, long companyId, LocalDate from, LocalDate to, List<Long> only) {
        Map<Long, BigDecimal[]> sums = new HashMap<>();
        String accounts = only == null ? "" : only.isEmpty() ? " AND 1 = 0" : " AND ACCOUNT_ID IN (" + String.join(", ", only.stream().map(String::valueOf)
            .toList()) + ")";
        for (Object o : em.createNativeQuery("SELECT ACCOUNT_ID, SUM(BASE_DEBIT), SUM(BASE_CREDIT) FROM KV_FIN_ENTRY_LINE WHERE COMPANY_ID = ? "
            + "AND POSTED = 1 AND ENTRY_DATE >= ? AND ENTRY_DATE <= ?" + accounts + " GROUP BY ACCOUNT_ID").setParameter(1, companyId)
            .setParameter(2, java.sql.Date.valueOf(from)).setParameter(3, java.sql.Date.valueOf(to)).getResultList()) {
            Object[] row = (Object[]) o;
            sums.put(((Number) row[0]).longValue(), new BigDecimal[] {decimal(row[1]), decimal(row[2])});
        }
        return sums;
    }

    /** Takes out the year-end closing entries' lines: the income statement shows the year's income, not its carrying to equity. */
    private static void withoutYearEndClosings(EntityManager em, long companyId, LocalDate from, LocalDate to, Map<Long, BigDecimal[]> sums) {
        for (Object o : em.createNativeQuery("SELECT l.ACCOUNT_ID, SUM(l.BASE_DEBIT), SUM(l.BASE_CREDIT) FROM KV_FIN_ENTRY e, KV_FIN_ENTRY_LINE l "
            + "WHERE l.ENTRY_ID = e.ID AND e.SOURCE_TYPE = ? AND e.COMPANY_ID = ? AND l.POSTED = 1 AND e.ENTRY_DATE >= ? AND e.ENTRY_DATE <= ? "
            + "GROUP BY l.ACCOUNT_ID").setParameter(1, io.kovan.finance.api.YearEndService.SOURCE_TYPE).setParameter(2, companyId)
            .setParameter(3, java.sql.Date.valueOf(from)).setParameter(4, java.sql.Date.valueOf(to)).getResultList()) {
            Object[] row = (Object[]) o;
            BigDecimal[] sum = sums.get(((Number) row[0]).longValue());
            if (sum != null) {
                sum[0] = sum[0].subtract(decimal(row[1]));
                sum[1] = sum[1].subtract(decimal(row[2]));
            }
        }
    }

    @Override
    public TrialBalanceDTO trialBalance(LocalDate from, LocalDate to) {
        LocalDate end = end(to);
        LocalDate start = start(from, end);
        long companyId = company.id();
        int d = company.decimals(company.currency());
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<Long, Account> accounts = accounts(em, companyId);
            // One pass over the lines up to the last day: what lies before the first day is the opening balance.
            Map<Long, BigDecimal[]> sums = new HashMap<>();
            java.sql.Date first = java.sql.Date.valueOf(start);
            for (Object o : em.createNativeQuery("SELECT ACCOUNT_ID, SUM(CASE WHEN ENTRY_DATE < ? THEN BASE_DEBIT - BASE_CREDIT ELSE 0 END), "
                + "SUM(CASE WHEN ENTRY_DATE >= ? THEN BASE_DEBIT ELSE 0 END), SUM(CASE WHEN ENTRY_DATE >= ? THEN BASE_CREDIT ELSE 0 END) "
                + "FROM KV_FIN_ENTRY_LINE WHERE COMPANY_ID = ? AND POSTED = 1 AND ENTRY_DATE <= ? GROUP BY ACCOUNT_ID").setParameter(1, first)
                .setParameter(2, first).setParameter(3, first).setParameter(4, companyId).setParameter(5, java.sql.Date.valueOf(end)).getResultList()) {
                Object[] row = (Object[]) o;
                sums.put(((Number) row[0]).longValue(), new BigDecimal[] {decimal(row[1]), decimal(row[2]), decimal(row[3])});
            }
            List<TrialBalanceRowDTO> rows = new ArrayList<>();
            BigDecimal debit = BigDecimal.ZERO.setScale(d);
            BigDecimal credit = BigDecimal.ZERO.setScale(d);
            for (Account a : accounts.values()) {
                BigDecimal[] p = sums.get(a.id());
                if (p == null) {
                    continue;
                }
                BigDecimal opening = p[0].setScale(d, RoundingMode.HALF_UP);
                BigDecimal dr = p[1].setScale(d, RoundingMode.HALF_UP);
                BigDecimal cr = p[2].setScale(d, RoundingMode.HALF_UP);
                rows.add(new TrialBalanceRowDTO(a.id(), a.code(), a.name(), a.type(), opening, dr, cr, opening.add(dr).subtract(cr)));
                debit = debit.add(dr);
                credit = credit.add(cr);
            }
            return new TrialBalanceDTO(start, end, company.currency(), rows, debit, credit, debit.compareTo(credit) == 0);
        });
    }

    @Override
    public LedgerDTO generalLedger(long accountId, LocalDate from, LocalDate to) {
        LocalDate end = end(to);
        LocalDate start = start(from, end);
        long companyId = company.id();
        return jpa.txExpr(TransactionType.Supports, em -> {
            AccountEntity a = AccountServiceImpl.load(em, accountId);
            // A heading's ledger is its accounts' together: those below it in the tree.
            Map<Long, Account> all = accounts(em, companyId);
            List<Long> ids = new ArrayList<>(List.of(a.id));
            for (int i = 0; i < ids.size(); i++) {
                long parent = ids.get(i);
                all.values().stream().filter(x -> x.parentId() != null && x.parentId() == parent).forEach(x -> ids.add(x.id()));
            }
            String in = String.join(", ", ids.stream().map(String::valueOf).toList());
            return ledger(em, a.code + " " + a.name, "l.ACCOUNT_ID IN (" + in + ")", companyId, start, end);
        });
    }

    @Override
    public LedgerDTO statement(long partyId, LocalDate from, LocalDate to) {
        LocalDate end = end(to);
        LocalDate start = start(from, end);
        long companyId = company.id();
        String name = company.party(partyId).name();
        return jpa.txExpr(TransactionType.Supports, em -> ledger(em, name, "l.PARTY_ID = " + partyId + " AND l.PURPOSE IN ('RECEIVABLE', 'PAYABLE')",
            companyId, start, end));
    }

    /** The lines a condition selects: the balance before {@code from}, each line with the running balance, the balance after. */
    private LedgerDTO ledger(EntityManager em, String subject, String condition, long companyId, LocalDate from, LocalDate to) {
        int d = company.decimals(company.currency());
        Object[] opening = (Object[]) em.createNativeQuery("SELECT COALESCE(SUM(l.BASE_DEBIT), 0), COALESCE(SUM(l.BASE_CREDIT), 0) FROM KV_FIN_ENTRY_LINE l "
            + "WHERE l.COMPANY_ID = ? AND l.POSTED = 1 AND l.ENTRY_DATE < ? AND " + condition).setParameter(1, companyId)
            .setParameter(2, java.sql.Date.valueOf(from)).getSingleResult();
        BigDecimal balance = decimal(opening[0]).subtract(decimal(opening[1])).setScale(d, RoundingMode.HALF_UP);
        BigDecimal start = balance;
        Map<Long, String> codes = AccountServiceImpl.codes(em, companyId);
        List<LedgerLineDTO> lines = new ArrayList<>();
        BigDecimal debit = BigDecimal.ZERO.setScale(d);
        BigDecimal credit = BigDecimal.ZERO.setScale(d);
        for (Object o : em.createNativeQuery("SELECT e.ID, e.DOC_NUMBER, l.ENTRY_DATE, l.ACCOUNT_ID, COALESCE(l.DESCRIPTION, e.DESCRIPTION), e.SOURCE_TYPE, "
            + "e.SOURCE_ID, e.REFERENCE, l.BASE_DEBIT, l.BASE_CREDIT FROM KV_FIN_ENTRY_LINE l JOIN KV_FIN_ENTRY e ON e.ID = l.ENTRY_ID WHERE "
            + "l.COMPANY_ID = ? AND l.POSTED = 1 AND l.ENTRY_DATE >= ? AND l.ENTRY_DATE <= ? AND " + condition + " ORDER BY l.ENTRY_DATE, e.ID, l.LINE_NO")
            .setParameter(1, companyId).setParameter(2, java.sql.Date.valueOf(from)).setParameter(3, java.sql.Date.valueOf(to)).getResultList()) {
            Object[] row = (Object[]) o;
            BigDecimal dr = decimal(row[8]).setScale(d, RoundingMode.HALF_UP);
            BigDecimal cr = decimal(row[9]).setScale(d, RoundingMode.HALF_UP);
            balance = balance.add(dr).subtract(cr);
            debit = debit.add(dr);
            credit = credit.add(cr);
            lines.add(new LedgerLineDTO(((Number) row[0]).longValue(), (String) row[1], date(row[2]), codes.get(((Number) row[3]).longValue()),
                (String) row[4], (String) row[5], row[6] == null ? null : ((Number) row[6]).longValue(), (String) row[7], dr, cr, balance));
        }
        return new LedgerDTO(subject, from, to, company.currency(), start, lines, debit, credit, balance);
    }

    @Override
    public FinancialStatementDTO balanceSheet(LocalDate asOf) {
        LocalDate end = asOf == null ? Times.today() : asOf;
        long companyId = company.id();
        int d = company.decimals(company.currency());
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<Long, Account> accounts = accounts(em, companyId);
            Map<Long, BigDecimal[]> sums = sums(em, companyId, BEGINNING, end);
            // Assets count debit balances, the rest credit ones: both sides come out positive.
            Map<Long, BigDecimal> amount = new HashMap<>();
            sums.forEach((id, s) -> {
                Account a = accounts.get(id);
                BigDecimal net = s[0].subtract(s[1]);
                amount.put(id, a.type() == AccountType.ASSET || a.type() == AccountType.EXPENSE ? net : net.negate());
            });
            List<StatementRowDTO> rows = new ArrayList<>();
            BigDecimal assets = BigDecimal.ZERO.setScale(d);
            BigDecimal liabilities = BigDecimal.ZERO.setScale(d);
            BigDecimal equity = BigDecimal.ZERO.setScale(d);
            BigDecimal profit = BigDecimal.ZERO.setScale(d);
            for (Map.Entry<Long, BigDecimal> e : amount.entrySet()) {
                Account a = accounts.get(e.getKey());
                BigDecimal value = e.getValue().setScale(d, RoundingMode.HALF_UP);
                switch (a.type()) {
                    case ASSET -> assets = assets.add(value);
                    case LIABILITY -> liabilities = liabilities.add(value);
                    case EQUITY -> equity = equity.add(value);
                    case INCOME -> profit = profit.add(value);
                    case EXPENSE -> profit = profit.subtract(value);
                }
            }
            for (Account a : accounts.values()) {
                if (a.type() == AccountType.INCOME || a.type() == AccountType.EXPENSE) {
                    continue;
                }
                BigDecimal total = subtotal(accounts, amount, a).setScale(d, RoundingMode.HALF_UP);
                if (total.signum() != 0) {
                    rows.add(new StatementRowDTO(a.code(), a.name(), level(a.code()), total));
                }
            }
            // Income not yet closed into equity is the period's profit, shown with the equity.
            rows.add(new StatementRowDTO("PROFIT_FOR_THE_PERIOD", "Dönem Net Kârı (Zararı)", 0, profit));
            Map<String, BigDecimal> totals = new LinkedHashMap<>();
            totals.put("ASSETS", assets);
            totals.put("LIABILITIES", liabilities);
            totals.put("EQUITY", equity.add(profit));
            totals.put("LIABILITIES_AND_EQUITY", liabilities.add(equity).add(profit));
            return new FinancialStatementDTO("balance-sheet", null, end, company.currency(), rows, totals);
        });
    }

    /** An account's own amount plus its descendants'. */
    private static BigDecimal subtotal(Map<Long, Account> accounts, Map<Long, BigDecimal> amount, Account of) {
        BigDecimal total = amount.getOrDefault(of.id(), BigDecimal.ZERO);
        for (Account a : accounts.values()) {
            if (of.id() == (a.parentId() == null ? -1 : a.parentId())) {
                total = total.add(subtotal(accounts, amount, a));
            }
        }
        return total;
    }

    private static int level(String code) {
        return code.contains(".") ? 3 : Math.min(code.length(), 3);
    }

    /**
     * The income statement in the uniform chart's layout (Gelir Tablosu): gross sales (60), less
     * deductions (61), net sales; less cost of sales (62), gross profit; less operating expenses
     * (63, and 76/77 when costs stay in class 7), operating profit; other operating income (64)
     * and expense (65), financing expense (66, 78), ordinary profit; extraordinary income (67) and
     * expense (68), profit before tax; tax (691), net profit. A chart without those codes is read
     * by account type: income less expenses.
     */
    @Override
    public FinancialStatementDTO incomeStatement(LocalDate from, LocalDate to) {
        LocalDate end = end(to);
        LocalDate start = start(from, end);
        long companyId = company.id();
        int d = company.decimals(company.currency());
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<Long, Account> accounts = accounts(em, companyId);
            Map<Long, BigDecimal[]> sums = sums(em, companyId, start, end, accounts.values().stream()
                .filter(a -> a.postable() && (a.type() == AccountType.INCOME || a.type() == AccountType.EXPENSE)).map(Account::id).toList());
            withoutYearEndClosings(em, companyId, start, end, sums);
            // Signed: income positive, expense negative (credit − debit).
            Map<String, BigDecimal> byGroup = new TreeMap<>();
            Map<Long, BigDecimal> byAccount = new TreeMap<>();
            BigDecimal income = BigDecimal.ZERO.setScale(d);
            BigDecimal expense = BigDecimal.ZERO.setScale(d);
            for (Map.Entry<Long, BigDecimal[]> s : sums.entrySet()) {
                Account a = accounts.get(s.getKey());
                if (a.type() != AccountType.INCOME && a.type() != AccountType.EXPENSE) {
                    continue;
                }
                BigDecimal signed = s.getValue()[1].subtract(s.getValue()[0]).setScale(d, RoundingMode.HALF_UP);
                byAccount.put(a.id(), signed);
                byGroup.merge(group(a.code()), signed, BigDecimal::add);
                if (a.type() == AccountType.INCOME) {
                    income = income.add(signed);
                } else {
                    expense = expense.add(signed);
                }
            }
            List<StatementRowDTO> rows = new ArrayList<>();
            Map<String, BigDecimal> totals = new LinkedHashMap<>();
            boolean uniform = accounts.values().stream().anyMatch(a -> a.code().equals("600"));
            if (!uniform) {
                for (Account a : accounts.values()) {
                    if (byAccount.containsKey(a.id())) {
                        rows.add(new StatementRowDTO(a.code(), a.name(), level(a.code()), byAccount.get(a.id())));
                    }
                }
                totals.put("INCOME", income);
                totals.put("EXPENSES", expense.negate());
                totals.put("NET_PROFIT", income.add(expense));
                return new FinancialStatementDTO("income-statement", start, end, company.currency(), rows, totals);
            }
            BigDecimal zero = BigDecimal.ZERO.setScale(d);
            java.util.function.Function<String[], BigDecimal> sum = groups -> java.util.Arrays.stream(groups)
                .map(g -> byGroup.getOrDefault(g, zero)).reduce(zero, BigDecimal::add);
            String[][] layout = {
                {"A", "BRÜT SATIŞLAR", "60"}, {"B", "SATIŞ İNDİRİMLERİ (-)", "61"}, {"=NET_SALES", "NET SATIŞLAR"},
                {"D", "SATIŞLARIN MALİYETİ (-)", "62"}, {"=GROSS_PROFIT", "BRÜT SATIŞ KÂRI VEYA ZARARI"},
                {"E", "FAALİYET GİDERLERİ (-)", "63", "76", "77"}, {"=OPERATING_PROFIT", "FAALİYET KÂRI VEYA ZARARI"},
                {"F", "DİĞER FAALİYETLERDEN OLAĞAN GELİR VE KÂRLAR", "64"}, {"G", "DİĞER FAALİYETLERDEN OLAĞAN GİDER VE ZARARLAR (-)", "65"},
                {"H", "FİNANSMAN GİDERLERİ (-)", "66", "78"}, {"=ORDINARY_PROFIT", "OLAĞAN KÂR VEYA ZARAR"},
                {"I", "OLAĞANDIŞI GELİR VE KÂRLAR", "67"}, {"J", "OLAĞANDIŞI GİDER VE ZARARLAR (-)", "68"},
                {"=PROFIT_BEFORE_TAX", "DÖNEM KÂRI VEYA ZARARI"}, {"K", "DÖNEM KÂRI VERGİ VE DİĞER YASAL YÜKÜMLÜLÜK KARŞILIKLARI (-)", "69"},
                {"=NET_PROFIT", "DÖNEM NET KÂRI VEYA ZARARI"}};
            BigDecimal running = zero;
            for (String[] item : layout) {
                if (item[0].startsWith("=")) {
                    rows.add(new StatementRowDTO(item[0].substring(1), item[1], 0, running));
                    totals.put(item[0].substring(1), running);
                    continue;
                }
                String[] groups = java.util.Arrays.copyOfRange(item, 2, item.length);
                BigDecimal amount = sum.apply(groups);
                running = running.add(amount);
                rows.add(new StatementRowDTO(item[0], item[1], 1, amount));
                for (Account a : accounts.values()) {
                    if (byAccount.containsKey(a.id()) && java.util.Arrays.asList(groups).contains(group(a.code()))) {
                        rows.add(new StatementRowDTO(a.code(), a.name(), 3, byAccount.get(a.id())));
                    }
                }
            }
            return new FinancialStatementDTO("income-statement", start, end, company.currency(), rows, totals);
        });
    }

    private static String group(String code) {
        return code.length() >= 2 ? code.substring(0, 2) : code;
    }

    /**
     * Open items by days past due on {@code asOf}: each posted invoice's total less what was
     * allocated to it by then (credit notes count against receivables, as negative items), in
     * the company currency at the invoice's rate.
     */
    @Override
    public AgeingDTO ageing(String kind, LocalDate asOf) {
        String which = kind == null ? "RECEIVABLE" : kind.strip().toUpperCase(java.util.Locale.ROOT);
        if (!which.equals("RECEIVABLE") && !which.equals("PAYABLE")) {
            throw new ValidationException("kind", "must be RECEIVABLE or PAYABLE");
        }
        LocalDate day = asOf == null ? Times.today() : asOf;
        long companyId = company.id();
        int d = company.decimals(company.currency());
        List<String> kinds = which.equals("RECEIVABLE") ? List.of(InvoiceKind.CUSTOMER_INVOICE.name(), InvoiceKind.CREDIT_NOTE.name())
            : List.of(InvoiceKind.SUPPLIER_INVOICE.name());
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<Long, BigDecimal[]> byParty = new TreeMap<>();
            for (Object o : em.createNativeQuery("SELECT i.PARTY_ID, i.KIND, i.DUE_DATE, i.TOTAL, i.EXCHANGE_RATE, (SELECT COALESCE(SUM(a.AMOUNT), 0) "
                + "FROM KV_FIN_ALLOCATION a JOIN KV_FIN_PAYMENT p ON p.ID = a.PAYMENT_ID WHERE a.INVOICE_ID = i.ID AND a.ALLOCATION_DATE <= ?) "
                + "FROM KV_FIN_INVOICE i WHERE i.COMPANY_ID = ? AND i.STATE IN ('posted', 'paid') AND i.INVOICE_DATE <= ? AND i.KIND IN ('"
                + String.join("', '", kinds) + "')").setParameter(1, java.sql.Date.valueOf(day)).setParameter(2, companyId)
                .setParameter(3, java.sql.Date.valueOf(day)).getResultList()) {
                Object[] row = (Object[]) o;
                BigDecimal open = decimal(row[3]).subtract(decimal(row[5])).multiply(decimal(row[4])).setScale(d, RoundingMode.HALF_UP);
                if (open.signum() == 0) {
                    continue;
                }
                if (InvoiceKind.CREDIT_NOTE.name().equals(row[1])) {
                    open = open.negate();
                }
                long overdue = ChronoUnit.DAYS.between(date(row[2]), day);
                int bucket = overdue < 0 ? 0 : overdue <= 30 ? 1 : overdue <= 60 ? 2 : overdue <= 90 ? 3 : 4;
                BigDecimal[] sums = byParty.computeIfAbsent(((Number) row[0]).longValue(), p -> zeros(d));
                sums[bucket] = sums[bucket].add(open);
                sums[5] = sums[5].add(open);
            }
            List<AgeingRowDTO> rows = new ArrayList<>();
            BigDecimal[] total = zeros(d);
            byParty.forEach((party, s) -> {
                rows.add(new AgeingRowDTO(party, company.partyName(party), s[0], s[1], s[2], s[3], s[4], s[5]));
                for (int i = 0; i < total.length; i++) {
                    total[i] = total[i].add(s[i]);
                }
            });
            return new AgeingDTO(which, day, company.currency(), rows, new AgeingRowDTO(null, null, total[0], total[1], total[2], total[3], total[4],
                total[5]));
        });
    }

    private static BigDecimal[] zeros(int d) {
        BigDecimal[] z = new BigDecimal[6];
        java.util.Arrays.fill(z, BigDecimal.ZERO.setScale(d));
        return z;
    }

    /** VAT by rate from the posted invoices' lines, in the company currency at each invoice's rate. */
    @Override
    public VatReportDTO vat(LocalDate from, LocalDate to) {
        LocalDate end = end(to);
        // A VAT return is monthly: by default the last day's month.
        LocalDate start = start(from == null ? end.withDayOfMonth(1) : from, end);
        long companyId = company.id();
        int d = company.decimals(company.currency());
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<BigDecimal, BigDecimal[]> output = new TreeMap<>();
            Map<BigDecimal, BigDecimal[]> input = new TreeMap<>();
            for (Object o : em.createNativeQuery("SELECT i.KIND, l.VAT_RATE, SUM(l.NET_AMOUNT * i.EXCHANGE_RATE), SUM(l.VAT_AMOUNT * i.EXCHANGE_RATE) "
                + "FROM KV_FIN_INVOICE_LINE l JOIN KV_FIN_INVOICE i ON i.ID = l.INVOICE_ID WHERE i.COMPANY_ID = ? AND i.STATE IN ('posted', 'paid') "
                + "AND i.INVOICE_DATE >= ? AND i.INVOICE_DATE <= ? GROUP BY i.KIND, l.VAT_RATE").setParameter(1, companyId)
                .setParameter(2, java.sql.Date.valueOf(start)).setParameter(3, java.sql.Date.valueOf(end)).getResultList()) {
                Object[] row = (Object[]) o;
                String kind = (String) row[0];
                BigDecimal sign = InvoiceKind.CREDIT_NOTE.name().equals(kind) ? BigDecimal.ONE.negate() : BigDecimal.ONE;
                Map<BigDecimal, BigDecimal[]> side = InvoiceKind.SUPPLIER_INVOICE.name().equals(kind) ? input : output;
                BigDecimal[] s = side.computeIfAbsent(decimal(row[1]).setScale(2, RoundingMode.HALF_UP), r -> new BigDecimal[] {BigDecimal.ZERO.setScale(d),
                    BigDecimal.ZERO.setScale(d)});
                s[0] = s[0].add(decimal(row[2]).multiply(sign).setScale(d, RoundingMode.HALF_UP));
                s[1] = s[1].add(decimal(row[3]).multiply(sign).setScale(d, RoundingMode.HALF_UP));
            }
            List<VatSummaryLineDTO> out = output.entrySet().stream().map(x -> new VatSummaryLineDTO(x.getKey(), x.getValue()[0], x.getValue()[1])).toList();
            List<VatSummaryLineDTO> in = input.entrySet().stream().map(x -> new VatSummaryLineDTO(x.getKey(), x.getValue()[0], x.getValue()[1])).toList();
            BigDecimal outTotal = out.stream().map(VatSummaryLineDTO::vatAmount).reduce(BigDecimal.ZERO.setScale(d), BigDecimal::add);
            BigDecimal inTotal = in.stream().map(VatSummaryLineDTO::vatAmount).reduce(BigDecimal.ZERO.setScale(d), BigDecimal::add);
            return new VatReportDTO(start, end, company.currency(), out, in, outTotal, inTotal, outTotal.subtract(inTotal));
        });
    }

    @Override
    public io.kovan.finance.api.CashFlowDTO cashFlow(LocalDate from, LocalDate to) {
        LocalDate end = end(to);
        LocalDate start = start(from, end);
        long companyId = company.id();
        int d = company.decimals(company.currency());
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<Long, Account> accounts = accounts(em, companyId);
            PostingRuleServiceImpl.Rules rules = new PostingRuleServiceImpl.Rules(em, companyId);
            List<String> roots = java.util.stream.Stream.of("CASH", "BANK").map(rules::defaultAccount).filter(java.util.Objects::nonNull)
                .map(id -> accounts.get(id).code()).toList();
            List<Long> cash = accounts.values().stream().filter(a -> roots.stream().anyMatch(r -> a.code().equals(r) || a.code().startsWith(r + ".")))
                .map(Account::id).toList();
            BigDecimal zero = BigDecimal.ZERO.setScale(d);
            if (cash.isEmpty()) {
                return new io.kovan.finance.api.CashFlowDTO(start, end, company.currency(), zero, List.of(), zero, zero, List.of());
            }
            String in = String.join(", ", cash.stream().map(String::valueOf).toList());
            Object opening = em.createNativeQuery("SELECT COALESCE(SUM(BASE_DEBIT - BASE_CREDIT), 0) FROM KV_FIN_ENTRY_LINE WHERE COMPANY_ID = ? AND POSTED = 1 "
                + "AND ENTRY_DATE < ? AND ACCOUNT_ID IN (" + in + ")").setParameter(1, companyId).setParameter(2, java.sql.Date.valueOf(start)).getSingleResult();
            // Each entry's cash movement, then what its other lines were: the first match of customers, suppliers, financing, investing wins.
            Map<Long, Object[]> movement = new java.util.LinkedHashMap<>();
            for (Object o : em.createNativeQuery("SELECT ENTRY_ID, MIN(ENTRY_DATE), SUM(BASE_DEBIT - BASE_CREDIT) FROM KV_FIN_ENTRY_LINE WHERE COMPANY_ID = ? "
                + "AND POSTED = 1 AND ENTRY_DATE >= ? AND ENTRY_DATE <= ? AND ACCOUNT_ID IN (" + in + ") GROUP BY ENTRY_ID ORDER BY 2, 1")
                .setParameter(1, companyId).setParameter(2, java.sql.Date.valueOf(start)).setParameter(3, java.sql.Date.valueOf(end)).getResultList()) {
                Object[] row = (Object[]) o;
                movement.put(((Number) row[0]).longValue(), new Object[] {date(row[1]), decimal(row[2]), "OTHER_OPERATING"});
            }
            List<String> order = List.of("CUSTOMERS", "SUPPLIERS", "FINANCING", "INVESTING", "OTHER_OPERATING");
            for (Object o : em.createNativeQuery("SELECT o.ENTRY_ID, o.PURPOSE, o.ACCOUNT_ID FROM KV_FIN_ENTRY_LINE o WHERE o.ENTRY_ID IN (SELECT c.ENTRY_ID "
                + "FROM KV_FIN_ENTRY_LINE c WHERE c.COMPANY_ID = ? AND c.POSTED = 1 AND c.ENTRY_DATE >= ? AND c.ENTRY_DATE <= ? AND c.ACCOUNT_ID IN (" + in
                + ")) AND o.ACCOUNT_ID NOT IN (" + in + ")").setParameter(1, companyId).setParameter(2, java.sql.Date.valueOf(start))
                .setParameter(3, java.sql.Date.valueOf(end)).getResultList()) {
                Object[] row = (Object[]) o;
                Object[] m = movement.get(((Number) row[0]).longValue());
                String category = cashCategory((String) row[1], accounts.get(((Number) row[2]).longValue()));
                if (m != null && order.indexOf(category) < order.indexOf((String) m[2])) {
                    m[2] = category;
                }
            }
            Map<String, BigDecimal[]> byCategory = new java.util.LinkedHashMap<>();
            order.forEach(c -> byCategory.put(c, new BigDecimal[] {zero, zero}));
            Map<LocalDate, BigDecimal[]> byMonth = new TreeMap<>();
            for (LocalDate m = start.withDayOfMonth(1); !m.isAfter(end); m = m.plusMonths(1)) {
                byMonth.put(m, new BigDecimal[] {zero, zero});
            }
            for (Object[] m : movement.values()) {
                BigDecimal amount = ((BigDecimal) m[1]).setScale(d, RoundingMode.HALF_UP);
                int side = amount.signum() >= 0 ? 0 : 1;
                byCategory.get((String) m[2])[side] = byCategory.get((String) m[2])[side].add(amount.abs());
                BigDecimal[] month = byMonth.get(((LocalDate) m[0]).withDayOfMonth(1));
                month[side] = month[side].add(amount.abs());
            }
            List<io.kovan.finance.api.CashFlowLineDTO> lines = byCategory.entrySet().stream().map(e -> new io.kovan.finance.api.CashFlowLineDTO(e.getKey(),
                e.getValue()[0], e.getValue()[1], e.getValue()[0].subtract(e.getValue()[1]))).toList();
            BigDecimal open = decimal(opening).setScale(d, RoundingMode.HALF_UP);
            BigDecimal running = open;
            List<io.kovan.finance.api.CashFlowMonthDTO> months = new ArrayList<>();
            for (Map.Entry<LocalDate, BigDecimal[]> e : byMonth.entrySet()) {
                running = running.add(e.getValue()[0]).subtract(e.getValue()[1]);
                months.add(new io.kovan.finance.api.CashFlowMonthDTO(e.getKey().getYear(), e.getKey().getMonthValue(), e.getValue()[0], e.getValue()[1], running));
            }
            BigDecimal net = lines.stream().map(io.kovan.finance.api.CashFlowLineDTO::net).reduce(zero, BigDecimal::add);
            return new io.kovan.finance.api.CashFlowDTO(start, end, company.currency(), open, lines, net, open.add(net), months);
        });
    }

    /** What the other side of a cash movement says it was for. */
    private static String cashCategory(String purpose, Account account) {
        if ("RECEIVABLE".equals(purpose)) {
            return "CUSTOMERS";
        }
        if ("PAYABLE".equals(purpose)) {
            return "SUPPLIERS";
        }
        // The uniform chart: capital, equity and loans (30, 40) finance; fixed assets (class 2) are investing.
        if (account.type() == AccountType.EQUITY || account.type() == AccountType.LIABILITY && (account.code().startsWith("30") || account.code().startsWith("40"))) {
            return "FINANCING";
        }
        if (account.type() == AccountType.ASSET && account.code().startsWith("2")) {
            return "INVESTING";
        }
        return "OTHER_OPERATING";
    }

    /** Revenue from the revenue and sales-return postings, cost from the cost-of-goods postings, by product or customer. */
    @Override
    public GrossMarginDTO grossMargin(String groupBy, LocalDate from, LocalDate to) {
        String by = groupBy == null ? "product" : groupBy.strip().toLowerCase(java.util.Locale.ROOT);
        if (!by.equals("product") && !by.equals("customer")) {
            throw new ValidationException("groupBy", "must be product or customer");
        }
        LocalDate end = end(to);
        LocalDate start = start(from, end);
        long companyId = company.id();
        int d = company.decimals(company.currency());
        return jpa.txExpr(TransactionType.Supports, em -> {
            // Revenue lines carry the product; the customer is the party of the invoice's receivable line.
            String key = by.equals("product") ? "l.PRODUCT_ID" : "(SELECT MAX(r.PARTY_ID) FROM KV_FIN_ENTRY_LINE r WHERE r.ENTRY_ID = l.ENTRY_ID "
                + "AND r.PARTY_ID IS NOT NULL)";
            Map<Long, BigDecimal[]> rows = new TreeMap<>();
            for (Object o : em.createNativeQuery("SELECT k, PURPOSE, SUM(CR - DR) FROM (SELECT " + key + " AS k, l.PURPOSE AS PURPOSE, "
                + "l.BASE_CREDIT AS CR, l.BASE_DEBIT AS DR FROM KV_FIN_ENTRY_LINE l WHERE l.COMPANY_ID = ? AND l.POSTED = 1 AND l.ENTRY_DATE >= ? "
                + "AND l.ENTRY_DATE <= ? AND l.PURPOSE IN ('REVENUE', 'SALES_RETURN', 'COGS')) t (k, PURPOSE, CR, DR) GROUP BY k, PURPOSE")
                .setParameter(1, companyId).setParameter(2, java.sql.Date.valueOf(start)).setParameter(3, java.sql.Date.valueOf(end)).getResultList()) {
                Object[] row = (Object[]) o;
                if (row[0] == null) {
                    continue;
                }
                BigDecimal[] s = rows.computeIfAbsent(((Number) row[0]).longValue(), k -> new BigDecimal[] {BigDecimal.ZERO.setScale(d),
                    BigDecimal.ZERO.setScale(d)});
                BigDecimal amount = decimal(row[2]).setScale(d, RoundingMode.HALF_UP);
                if ("COGS".equals(row[1])) {
                    s[1] = s[1].subtract(amount);
                } else {
                    s[0] = s[0].add(amount);
                }
            }
            List<GrossMarginRowDTO> result = new ArrayList<>();
            BigDecimal revenue = BigDecimal.ZERO.setScale(d);
            BigDecimal cost = BigDecimal.ZERO.setScale(d);
            for (Map.Entry<Long, BigDecimal[]> e : rows.entrySet()) {
                String name = by.equals("product") ? productName(e.getKey()) : company.partyName(e.getKey());
                result.add(margin(e.getKey(), name, e.getValue()[0], e.getValue()[1]));
                revenue = revenue.add(e.getValue()[0]);
                cost = cost.add(e.getValue()[1]);
            }
            return new GrossMarginDTO(by, start, end, company.currency(), result, margin(null, null, revenue, cost));
        });
    }

    private String productName(long id) {
        try {
            return company.product(id).code();
        } catch (io.kovan.kernel.api.NotFoundException e) {
            return "#" + id;
        }
    }

    private static GrossMarginRowDTO margin(Long key, String name, BigDecimal revenue, BigDecimal cost) {
        BigDecimal margin = revenue.subtract(cost);
        BigDecimal percent = revenue.signum() == 0 ? null : margin.multiply(new BigDecimal("100")).divide(revenue, 2, RoundingMode.HALF_UP);
        return new GrossMarginRowDTO(key, name, revenue, cost, margin, percent);
    }

    /** A report's last day: the one asked, else today. */
    private static LocalDate end(LocalDate to) {
        return to == null ? Times.today() : to;
    }

    /** A report's first day: the one asked (not after the last), else 1 January of the last day's year. */
    private static LocalDate start(LocalDate from, LocalDate end) {
        LocalDate start = from == null ? end.withDayOfYear(1) : from;
        if (start.isAfter(end)) {
            throw new ValidationException("from", "must not be after to");
        }
        return start;
    }

    static BigDecimal decimal(Object value) {
        return value == null ? BigDecimal.ZERO : value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    }

    static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : value instanceof LocalDate l ? l : LocalDate.parse(value.toString().substring(0, 10));
    }
}
