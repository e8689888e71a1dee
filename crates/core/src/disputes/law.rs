//! What decides the law of a letter: jurisdiction × instrument × reason × step. For each
//! combination this module says whether the step exists at all and, if it does, on what basis
//! the letter stands, which case name (案由) a Chinese court complaint carries, who the
//! defendant is, and which calendar its business-day clocks use. The ladder (`ladder`) says
//! the rest in words (recipient, attachments); `plan` computes the dates.
//!
//! Every rule cites disputes-facts; §9 (corrections after the legal review) overrides the
//! sections above it.

use super::eu_holidays::EuCountry;
use super::holidays::HolidayCalendar;
use super::{Bilingual, Instrument, Jurisdiction, Reason, Step, TransferKind};

fn b(en: &str, zh: &str) -> Bilingual {
    Bilingual::new(en, zh)
}

/// A problem with what was bought, which the merchant caused: the bank's part is a card-scheme
/// chargeback at most, never a payment-services error (§9.1, §9.3).
pub fn is_merchant_dispute(r: Reason) -> bool {
    matches!(
        r,
        Reason::NotReceived
            | Reason::FaultyGoods
            | Reason::CancelledSubscription
            | Reason::RefundNotCredited
            | Reason::WrongAmount
    )
}

/// Section 75 of the Consumer Credit Act 1974 makes a UK credit-card issuer answer for the
/// supplier's breach of contract or misrepresentation only where the cash price of the item is
/// over £100 and not over £30,000 (s.75(3)(b)), and never for an unauthorised charge or a
/// duplicate debit, which are the bank's own matter or duplicate processing (§9.2). The price
/// is taken from the pounds paid: a price in another currency is not assumed to qualify.
pub fn uk_s75_applies(i: Instrument, r: Reason, price_minor: i64, gbp: bool) -> bool {
    i == Instrument::CreditCard
        && is_merchant_dispute(r)
        && gbp
        && price_minor > 10_000
        && price_minor <= 3_000_000
}

/// A US credit-card "claims and defenses" letter (15 U.S.C. §1666i, Reg Z §1026.12(c)) is only
/// open for a purchase over $50 after a good-faith attempt to resolve it with the merchant
/// (§9.3). Why not, or `Ok` when it is open.
pub fn us_claims_and_defenses_open(
    price_minor: i64,
    wrote_to_merchant: bool,
) -> Result<(), Bilingual> {
    if price_minor <= 5_000 {
        return Err(b(
            "Claims and defenses (15 U.S.C. §1666i, 12 CFR §1026.12(c)) apply only to a purchase over $50. Ask the merchant to put it right, or ask your card issuer whether it will raise a chargeback.",
            "抗辩权（15 U.S.C. §1666i，12 CFR §1026.12(c)）仅适用于金额超过50美元的购买。请要求商户解决，或询问发卡机构是否发起拒付。",
        ));
    }
    if !wrote_to_merchant {
        return Err(b(
            "Write to the merchant first: claims and defenses require a good-faith attempt to resolve the dispute with the merchant (12 CFR §1026.12(c)(3)(i)).",
            "请先致函商户：行使抗辩权须先善意尝试与商户解决争议（12 CFR §1026.12(c)(3)(i)）。",
        ));
    }
    Ok(())
}

/// The kind of transfer when it decides the law: a US bank transfer's recorded kind (Reg E for
/// an ACH transfer, UCC Article 4A for a wire; review #8), else `None` (unknown, or a case it
/// does not concern).
pub fn us_transfer(
    j: Jurisdiction,
    i: Instrument,
    transfer: Option<TransferKind>,
) -> Option<TransferKind> {
    (j == Jurisdiction::Us && i == Instrument::BankTransfer)
        .then_some(transfer)
        .flatten()
}

/// Why a step does not exist for this combination, or `Ok` when it does.
pub fn step_exists(j: Jurisdiction, i: Instrument, r: Reason, step: Step) -> Result<(), Bilingual> {
    // An unauthorised charge is disputed with whoever holds the account: the cardholder never
    // dealt with the merchant (§9.2, §9.4: for 盗刷 the counterparty is the issuing bank).
    if r == Reason::NotAuthorised && step == Step::Merchant {
        return Err(b(
            "An unauthorised charge is disputed with your bank or card issuer, not with a merchant you never dealt with.",
            "盗刷交易应向发卡行（或开户行、支付机构）提出，而不是向您从未与之交易的商户提出。",
        ));
    }
    // A bank transfer has no chargeback: when the bank executed what you ordered, it has no
    // part in a dispute about the goods or the amount you chose to send (§9.1, §9.4).
    if i == Instrument::BankTransfer && is_merchant_dispute(r) {
        if step == Step::Bank {
            return Err(b(
                "A bank transfer has no chargeback: the bank executed the payment you ordered, so it has no part in a dispute about what you bought. Write to the merchant, then a consumer body or the court.",
                "银行转账没有拒付（退单）机制：银行已按您的指令付款，不是商品或服务争议的当事方。请向商户交涉，然后向消费者组织投诉或起诉。",
            ));
        }
        if step == Step::Association && j == Jurisdiction::Uk {
            return Err(b(
                "The Financial Ombudsman Service deals with your bank, which has no part in this dispute. Citizens Advice (consumer service) can refer the trader to Trading Standards; then the court.",
                "金融申诉专员服务机构只处理针对银行的投诉，而银行并非本争议当事方。可联系Citizens Advice消费者服务（可转介Trading Standards），然后起诉。",
            ));
        }
    }
    Ok(())
}

/// The legal basis a letter for this combination cites. `s75` says whether Section 75 of the
/// UK Consumer Credit Act can carry the claim (`uk_s75_applies`); it matters nowhere else.
/// `transfer` is a bank transfer's kind when the case records it (`us_transfer`): it matters
/// only for a US bank transfer.
pub fn basis(
    j: Jurisdiction,
    i: Instrument,
    r: Reason,
    step: Step,
    s75: bool,
    transfer: Option<TransferKind>,
) -> Bilingual {
    match j {
        Jurisdiction::Us => us(i, r, step, us_transfer(j, i, transfer)),
        Jurisdiction::Uk => uk(i, r, step, s75),
        Jurisdiction::Eu => eu(i, r, step),
        Jurisdiction::Cn => cn(i, r, step),
    }
}

// §1.1, §1.2, §1.7, §9.3.
fn us(i: Instrument, r: Reason, step: Step, transfer: Option<TransferKind>) -> Bilingual {
    use Reason::*;
    match step {
        Step::Merchant => b(
            "your contract with the merchant and state consumer-protection (UDAP) law",
            "与商户的合同及州消费者保护法（UDAP）",
        ),
        Step::Bank => match (i, r) {
            (Instrument::CreditCard, NotAuthorised) => b(
                "the Fair Credit Billing Act, 15 U.S.C. §1666, and Regulation Z, 12 CFR §1026.13(a)(1) (a charge not made by me or anyone I authorised); my liability for unauthorised use is capped at $50 (15 U.S.C. §1643; §1026.12(b))",
                "《公平信用结算法》15 U.S.C. §1666及Z条例§1026.13(a)(1)（非本人或授权人所为的交易）；未经授权使用的责任上限为50美元（15 U.S.C. §1643；§1026.12(b)）",
            ),
            // §9.3: quality disputes on a credit card are claims and defenses, not billing errors.
            (Instrument::CreditCard, FaultyGoods) => b(
                "claims and defenses, 15 U.S.C. §1666i and Regulation Z, 12 CFR §1026.12(c)",
                "抗辩权：15 U.S.C. §1666i及Z条例§1026.12(c)",
            ),
            (Instrument::CreditCard, NotReceived) => b(
                "the Fair Credit Billing Act, 15 U.S.C. §1666, and Regulation Z, 12 CFR §1026.13(a)(3) (goods or services not delivered as agreed)",
                "《公平信用结算法》15 U.S.C. §1666及Z条例§1026.13(a)(3)（未按约定交付商品或服务）",
            ),
            (Instrument::CreditCard, RefundNotCredited) => b(
                "the Fair Credit Billing Act, 15 U.S.C. §1666, and Regulation Z, 12 CFR §1026.13(a)(4) (failure to credit a refund)",
                "《公平信用结算法》15 U.S.C. §1666及Z条例§1026.13(a)(4)（未入账退款）",
            ),
            (Instrument::CreditCard, _) => b(
                "the Fair Credit Billing Act, 15 U.S.C. §1666, and Regulation Z, 12 CFR §1026.13(a) (billing error)",
                "《公平信用结算法》15 U.S.C. §1666及Z条例§1026.13(a)（账单错误）",
            ),
            // Review #8: Regulation E excludes wire transfers (§1005.3(c)(3)); they fall under UCC
            // Article 4A. A wire names only Article 4A; an ACH transfer falls to the Reg E arms
            // below; a transfer of unknown kind names both and claims neither alone.
            (Instrument::BankTransfer, NotAuthorised | DoubleCharge)
                if transfer == Some(TransferKind::Wire) =>
            {
                b(
                    "Article 4A of the Uniform Commercial Code as enacted in my state (§§4A-202 to 4A-204), which governs wire transfers, and my account agreement",
                    "本州施行的《统一商法典》第4A编（§§4A-202至4A-204，适用于电汇）及账户协议",
                )
            }
            (Instrument::BankTransfer, NotAuthorised | DoubleCharge) if transfer.is_none() => b(
                "for an ACH or other electronic fund transfer, the Electronic Fund Transfer Act, 15 U.S.C. §1693f, and Regulation E, 12 CFR §1005.11; for a wire transfer, which Regulation E excludes (§1005.3(c)(3)), Article 4A of the Uniform Commercial Code as enacted in my state (§§4A-202 to 4A-204) and my account agreement",
                "ACH等电子资金转账：《电子资金转账法》15 U.S.C. §1693f及E条例§1005.11；电汇（E条例§1005.3(c)(3)将其排除）：本州施行的《统一商法典》第4A编（§§4A-202至4A-204）及账户协议",
            ),
            (_, NotAuthorised) => b(
                "the Electronic Fund Transfer Act, 15 U.S.C. §1693f, and Regulation E, 12 CFR §1005.11 (an unauthorised electronic fund transfer); liability limits in §1005.6",
                "《电子资金转账法》15 U.S.C. §1693f及E条例§1005.11（未经授权的电子资金转账）；责任限额见§1005.6",
            ),
            (_, DoubleCharge) | (Instrument::DebitCard | Instrument::PaymentPlatform, WrongAmount) => b(
                "the Electronic Fund Transfer Act, 15 U.S.C. §1693f, and Regulation E, 12 CFR §1005.11(a) (an incorrect electronic fund transfer)",
                "《电子资金转账法》15 U.S.C. §1693f及E条例§1005.11(a)（错误的电子资金转账）",
            ),
            // §9.3: Reg E covers the transfer, not what was bought: a network chargeback.
            (Instrument::DebitCard, _) => b(
                "the card network's chargeback rules under my card agreement (Regulation E covers errors in the transfer itself, not the goods or services bought)",
                "借记卡协议下的卡组织拒付规则（E条例只涵盖转账本身的差错，不涵盖所购商品或服务）",
            ),
            (_, _) => b(
                "the platform's purchase-protection terms (my agreement with the platform)",
                "支付平台的购买保障条款（与平台的服务协议）",
            ),
        },
        Step::Association => us_complaint_basis(!is_merchant_dispute(r)),
        Step::Court => match (i, r) {
            (Instrument::CreditCard, NotAuthorised) => b(
                "the Fair Credit Billing Act (15 U.S.C. §1666) and the Truth in Lending Act's civil liability, 15 U.S.C. §1640",
                "《公平信用结算法》（15 U.S.C. §1666）及《诚实借贷法》民事责任条款15 U.S.C. §1640",
            ),
            (Instrument::BankTransfer, NotAuthorised) if transfer == Some(TransferKind::Wire) => b(
                "UCC Article 4A as enacted in my state, §4A-204 (refund of an unauthorised payment order, with interest), and my account agreement",
                "本州施行的《统一商法典》第4A编§4A-204（退还未经授权的付款指令款项及利息）及账户协议",
            ),
            (Instrument::BankTransfer, NotAuthorised) if transfer.is_none() => b(
                "for an electronic fund transfer, the Electronic Fund Transfer Act, 15 U.S.C. §1693f, and its civil liability, 15 U.S.C. §1693m; for a wire transfer, UCC Article 4A, §4A-204 (refund of an unauthorised payment order, with interest)",
                "电子资金转账：《电子资金转账法》15 U.S.C. §1693f及其民事责任条款15 U.S.C. §1693m；电汇：《统一商法典》第4A编§4A-204（退还未经授权的付款指令款项及利息）",
            ),
            (_, NotAuthorised) => b(
                "the Electronic Fund Transfer Act, 15 U.S.C. §1693f, and its civil liability, 15 U.S.C. §1693m",
                "《电子资金转账法》15 U.S.C. §1693f及其民事责任条款15 U.S.C. §1693m",
            ),
            _ => b(
                "breach of contract and state consumer-protection (UDAP) law",
                "违约及州消费者保护法（UDAP）",
            ),
        },
    }
}

/// The one body a US complaint goes to (§1.5, §1.6): the CFPB about the card issuer, bank or
/// payment company (`about_bank`), else the State Attorney General about the merchant.
pub fn us_complaint_basis(about_bank: bool) -> Bilingual {
    if about_bank {
        b(
            "the CFPB complaint process (consumerfinance.gov/complaint) for a card issuer, bank or payment company",
            "CFPB投诉程序（consumerfinance.gov/complaint），针对发卡机构、银行或支付公司",
        )
    } else {
        b(
            "state consumer-protection law, through the State Attorney General's consumer unit",
            "州消费者保护法，向州检察长消费者保护部门投诉",
        )
    }
}

// §2, §9.2.
fn uk(i: Instrument, r: Reason, step: Step, s75: bool) -> Bilingual {
    use Reason::*;
    let credit = i == Instrument::CreditCard;
    match step {
        Step::Merchant => match r {
            FaultyGoods => b(
                "the Consumer Rights Act 2015: goods must be of satisfactory quality, fit for purpose and as described (ss. 9–11), with the remedies of ss. 20–24",
                "《2015年消费者权利法》：商品须质量合格、适合用途并与描述相符（第9–11条），救济见第20–24条",
            ),
            NotReceived => b(
                "the Consumer Rights Act 2015, s. 28 (delivery): goods must be delivered as agreed, or within 30 days; for a service, ss. 49 and 52 (reasonable care, reasonable time)",
                "《2015年消费者权利法》第28条（交付）：须按约定或在30日内交付；服务适用第49、52条（合理注意、合理时间）",
            ),
            // §2.2: a refund owed is paid within 14 days of agreeing it, or of cancelling a
            // distance contract.
            RefundNotCredited => b(
                "the Consumer Rights Act 2015, s. 20(15), and, for a distance or off-premises contract, the Consumer Contracts Regulations 2013, reg. 34 (a refund within 14 days)",
                "《2015年消费者权利法》第20条第15款；远程或营业场所外合同适用《2013年消费者合同条例》第34条（14日内退款）",
            ),
            CancelledSubscription => b(
                "our contract, which ended when I cancelled it: nothing was due after that",
                "双方合同：本人取消后合同终止，此后不应再收费",
            ),
            _ => b(
                "our contract: only the agreed price was due",
                "双方合同：仅应支付约定价款",
            ),
        },
        Step::Bank => match r {
            // §9.2: unauthorised charges are CCA s.83 / PSRs regs 76–77, never Section 75.
            NotAuthorised if credit => b(
                "the Consumer Credit Act 1974, s. 83 (I am not liable for misuse by another person), and the Payment Services Regulations 2017, regs 76 and 77",
                "《1974年消费信贷法》第83条（他人滥用本人不承担责任）及《2017年支付服务条例》第76、77条",
            ),
            NotAuthorised => b(
                "the Payment Services Regulations 2017, reg. 76 (refund by the end of the next business day) and reg. 77 (my liability is at most £35, and none after I notified you or where strong customer authentication was not applied)",
                "《2017年支付服务条例》第76条（次一营业日结束前退款）及第77条（本人责任最多35英镑；通知后或未采用强客户认证的，不承担责任）",
            ),
            // §9.1 by analogy: the app knows two debits exist, not who caused the second; a
            // debit the payer did not consent to is unauthorised whoever caused it.
            DoubleCharge if !i.is_card() => b(
                "the Payment Services Regulations 2017, regs 67 and 76 (a second payment I did not consent to) and reg. 91 (a payment executed incorrectly by the provider)",
                "《2017年支付服务条例》第67、76条（未经本人同意的第二笔支付）及第91条（服务提供者错误执行的支付）",
            ),
            // §9.2, §9.1: a duplicate debit is duplicate processing, a chargeback, not s.75.
            DoubleCharge if i.is_card() => b(
                "the card scheme's chargeback rules (duplicate processing: one purchase was charged more than once)",
                "卡组织拒付规则（重复处理：同一笔消费被多次扣款）",
            ),
            _ if credit && s75 => b(
                "Section 75 of the Consumer Credit Act 1974 (you are jointly and severally liable with the supplier for its breach of contract or misrepresentation, for an item whose cash price is over £100 and not over £30,000) and, in parallel, a card-scheme chargeback",
                "《1974年消费信贷法》第75条（单价100至30,000英镑的商品，发卡机构与供应商就违约或虚假陈述承担连带责任），并同时发起卡组织拒付",
            ),
            _ if i.is_card() => b(
                "the card scheme's chargeback rules (a scheme rule, not a statutory right)",
                "卡组织拒付规则（卡组织规则，而非法定权利）",
            ),
            _ => b(
                "the platform's buyer-protection terms (my agreement with the platform)",
                "支付平台的买家保障条款（与平台的服务协议）",
            ),
        },
        Step::Association => b(
            "the Financial Services and Markets Act 2000, Part XVI, and the FCA's dispute-resolution rules (DISP)",
            "《2000年金融服务与市场法》第十六部分及FCA争议解决规则（DISP）",
        ),
        Step::Court => match r {
            NotAuthorised if credit => b(
                "the Consumer Credit Act 1974, s. 83, and the Payment Services Regulations 2017, regs 76–77",
                "《1974年消费信贷法》第83条及《2017年支付服务条例》第76–77条",
            ),
            NotAuthorised => b(
                "the Payment Services Regulations 2017, regs 76–77",
                "《2017年支付服务条例》第76–77条",
            ),
            DoubleCharge => b(
                "restitution of a payment taken twice (money had and received); only one payment was due under our contract",
                "返还重复收取的款项（不当得利）；依合同仅应支付一次",
            ),
            FaultyGoods | NotReceived => b(
                "our contract and the Consumer Rights Act 2015",
                "双方合同及《2015年消费者权利法》",
            ),
            _ => b("our contract", "双方合同"),
        },
    }
}

// §3, §9.1.
fn eu(i: Instrument, r: Reason, step: Step) -> Bilingual {
    use Reason::*;
    match step {
        Step::Merchant => match r {
            FaultyGoods => b(
                "the national law implementing Directive (EU) 2019/771 on the sale of goods (repair or replacement, then a price reduction or termination)",
                "转化欧盟《货物销售指令》（2019/771）的各国法律（修理或更换，其后减价或解除合同）",
            ),
            NotReceived => b(
                "the national law implementing the Consumer Rights Directive 2011/83/EU, Art. 18 (delivery within 30 days unless agreed otherwise; after an additional period, termination and refund)",
                "转化欧盟《消费者权利指令》（2011/83/EU）第18条的各国法律（除另有约定外30日内交付；宽限期后可解除合同并退款）",
            ),
            _ => b(
                "our contract and national consumer law",
                "双方合同及所在国消费者保护法",
            ),
        },
        Step::Bank => match (i, r) {
            (_, NotAuthorised) => b(
                "the Payment Services Directive (EU) 2015/2366 (PSD2), Arts 64, 71, 73 and 74, as transposed nationally",
                "欧盟《支付服务指令》（PSD2，2015/2366）第64、71、73、74条及各国转化立法",
            ),
            (Instrument::CreditCard | Instrument::DebitCard, DoubleCharge) => b(
                "the card scheme's chargeback rules (duplicate processing); the second debit was not consented to (PSD2 Art. 64)",
                "卡组织拒付规则（重复处理）；第二笔扣款未经同意（PSD2第64条）",
            ),
            (_, DoubleCharge) => b(
                "the Payment Services Directive (EU) 2015/2366 (PSD2), Arts 64 and 73 (a second payment I did not consent to), Art. 89 (a payment executed incorrectly by the provider) and Art. 71",
                "欧盟《支付服务指令》（PSD2）第64、73条（未经本人同意的第二笔支付）、第89条（支付服务提供者错误执行的支付）及第71条",
            ),
            // §9.1: not a PSD2 error; the bank step is the scheme's chargeback.
            (Instrument::CreditCard | Instrument::DebitCard, _) => b(
                "the card scheme's chargeback rules under my card agreement (the payment was authorised and executed as ordered, so it is not a PSD2 error)",
                "银行卡协议下的卡组织拒付规则（该笔支付已授权并按指令执行，不属于PSD2规定的差错）",
            ),
            (_, _) => b(
                "the platform's buyer-protection terms (my agreement with the platform)",
                "支付平台的买家保障条款（与平台的服务协议）",
            ),
        },
        Step::Association => {
            if is_merchant_dispute(r) {
                b(
                    "out-of-court resolution by a national consumer ADR body (Directive 2013/11/EU); for a purchase from a trader in another EU country, the European Consumer Centres Network (ECC-Net)",
                    "各国消费争议替代性解决机构（指令2013/11/EU）；向其他欧盟国家商家购买的，可求助欧洲消费者中心网络（ECC-Net）",
                )
            } else {
                b(
                    "out-of-court redress for payment services (PSD2 Art. 102) before the national ADR body for banks; for a provider in another country, FIN-NET",
                    "支付服务庭外救济（PSD2第102条），向所在国银行业争议解决机构提出；服务提供者在他国的，可通过FIN-NET",
                )
            }
        }
        Step::Court => b(
            "national civil procedure; for a cross-border claim up to €5,000, the European Small Claims Procedure (Regulation (EC) No 861/2007)",
            "所在国民事诉讼程序；跨境且金额不超过5,000欧元的，可适用欧洲小额诉讼程序（第861/2007号条例）",
        ),
    }
}

/// The 案由 (cause of action) of a Chinese court complaint, matched to the claim (§9.4).
pub fn cn_cause(i: Instrument, r: Reason) -> &'static str {
    match (i, r) {
        (Instrument::CreditCard | Instrument::DebitCard, Reason::NotAuthorised) => "银行卡纠纷",
        (Instrument::BankTransfer, Reason::NotAuthorised) => "储蓄存款合同纠纷",
        (Instrument::PaymentPlatform, Reason::NotAuthorised) => "网络服务合同纠纷",
        (_, Reason::DoubleCharge) => "不当得利纠纷",
        (_, Reason::CancelledSubscription) => "服务合同纠纷",
        _ => "买卖合同纠纷",
    }
}

/// True when the Chinese court complaint names the bank (or platform) as 被告 rather than the
/// merchant: unauthorised use is the account holder's claim against the account's keeper
/// (§9.4; SPC 银行卡规定 2021 第七条).
pub fn cn_defendant_is_bank(r: Reason) -> bool {
    r == Reason::NotAuthorised
}

// §4, §9.4.
fn cn(i: Instrument, r: Reason, step: Step) -> Bilingual {
    use Reason::*;
    match step {
        Step::Merchant => match r {
            DoubleCharge => b(
                "Civil Code art. 985 (a benefit obtained without lawful ground must be returned)",
                "《中华人民共和国民法典》第九百八十五条（没有法律根据取得不当利益的，应当返还）",
            ),
            FaultyGoods => b(
                "Consumer Rights Protection Law art. 24; Civil Code arts 577 and 582",
                "《中华人民共和国消费者权益保护法》第二十四条；《中华人民共和国民法典》第五百七十七条、第五百八十二条",
            ),
            NotReceived => b(
                "Civil Code arts 577, 563 and 566; Consumer Rights Protection Law art. 53 (goods or services paid in advance)",
                "《中华人民共和国民法典》第五百七十七条、第五百六十三条、第五百六十六条；《中华人民共和国消费者权益保护法》第五十三条（预收款）",
            ),
            CancelledSubscription => b(
                "Civil Code arts 565 and 566 (the contract ended when my notice reached you) and art. 577",
                "《中华人民共和国民法典》第五百六十五条、第五百六十六条（解除通知到达时合同解除）及第五百七十七条",
            ),
            _ => b(
                "Civil Code art. 577 (liability for breach of contract)",
                "《中华人民共和国民法典》第五百七十七条（违约责任）",
            ),
        },
        Step::Bank => match (i, r) {
            (Instrument::CreditCard | Instrument::DebitCard, NotAuthorised) => b(
                "Supreme People's Court Provisions on Bank Card Civil Disputes (2021), art. 7; the card agreement; CBIRC Measures on Consumer Complaints (Order 2020 No. 3)",
                "最高人民法院《关于审理银行卡民事纠纷案件若干问题的规定》（2021年）第七条；银行卡领用合约；《银行业保险业消费投诉处理管理办法》（银保监会令2020年第3号）",
            ),
            (Instrument::CreditCard | Instrument::DebitCard, _) => b(
                "the card agreement and the UnionPay error and dispute process (the issuer raises it with the acquirer); CBIRC Measures on Consumer Complaints (Order 2020 No. 3)",
                "银行卡领用合约及银联差错与争议处理流程（由发卡行向收单机构发起）；《银行业保险业消费投诉处理管理办法》（银保监会令2020年第3号）",
            ),
            (Instrument::BankTransfer, NotAuthorised) => b(
                "the deposit account agreement (Civil Code art. 577); where the account is a debit-card account, Supreme People's Court Provisions on Bank Card Civil Disputes (2021), art. 7; CBIRC Measures on Consumer Complaints (Order 2020 No. 3)",
                "储蓄存款合同（《中华人民共和国民法典》第五百七十七条）；账户为借记卡账户的，适用最高人民法院《关于审理银行卡民事纠纷案件若干问题的规定》第七条；《银行业保险业消费投诉处理管理办法》（银保监会令2020年第3号）",
            ),
            (Instrument::BankTransfer, _) => b(
                "the deposit account agreement (Civil Code art. 577); CBIRC Measures on Consumer Complaints (Order 2020 No. 3)",
                "储蓄存款合同（《中华人民共和国民法典》第五百七十七条）；《银行业保险业消费投诉处理管理办法》（银保监会令2020年第3号）",
            ),
            (_, _) => b(
                "the payment service agreement; PBOC Measures for the Protection of Financial Consumers (2020)",
                "支付服务协议；《中国人民银行金融消费者权益保护实施办法》（2020年）",
            ),
        },
        Step::Association => b(
            "Consumer Rights Protection Law arts 37, 39 and 46",
            "《中华人民共和国消费者权益保护法》第三十七条、第三十九条、第四十六条",
        ),
        Step::Court => match (i, r) {
            (Instrument::CreditCard | Instrument::DebitCard, NotAuthorised) => b(
                "Supreme People's Court Provisions on Bank Card Civil Disputes (2021), art. 7; Civil Code art. 577",
                "最高人民法院《关于审理银行卡民事纠纷案件若干问题的规定》（2021年）第七条；《中华人民共和国民法典》第五百七十七条",
            ),
            (_, NotAuthorised) => b(
                "Civil Code art. 577 (the account keeper's liability under the contract)",
                "《中华人民共和国民法典》第五百七十七条",
            ),
            (_, DoubleCharge) => b("Civil Code art. 985", "《中华人民共和国民法典》第九百八十五条"),
            (_, FaultyGoods) => b(
                "Civil Code arts 577, 582 and 566; Consumer Rights Protection Law art. 24",
                "《中华人民共和国民法典》第五百七十七条、第五百八十二条、第五百六十六条；《中华人民共和国消费者权益保护法》第二十四条",
            ),
            (_, CancelledSubscription) => b(
                "Civil Code arts 565, 566 and 577",
                "《中华人民共和国民法典》第五百六十五条、第五百六十六条、第五百七十七条",
            ),
            _ => b(
                "Civil Code arts 577, 563 and 566",
                "《中华人民共和国民法典》第五百七十七条、第五百六十三条、第五百六十六条",
            ),
        },
    }
}

/// Where a UK case's bank holidays come from (they differ by nation).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum UkNation {
    #[default]
    EnglandWales,
    Scotland,
    NorthernIreland,
}

impl UkNation {
    pub fn parse(s: &str) -> Option<UkNation> {
        Some(
            match s.trim().to_ascii_lowercase().replace('-', "_").as_str() {
                "england_wales" | "england" | "wales" | "ew" => UkNation::EnglandWales,
                "scotland" => UkNation::Scotland,
                "northern_ireland" | "ni" => UkNation::NorthernIreland,
                _ => return None,
            },
        )
    }
}

/// The calendar a case's business-day clocks use (§9.5), from its jurisdiction and the region
/// it records: a UK nation (England and Wales when none), or an EU country's two-letter code
/// (the TARGET days alone when none is recorded or the country's holidays are not known here).
pub fn calendar(j: Jurisdiction, region: Option<&str>) -> HolidayCalendar {
    match j {
        Jurisdiction::Us => HolidayCalendar::UsFederal,
        Jurisdiction::Uk => match region.and_then(UkNation::parse).unwrap_or_default() {
            UkNation::EnglandWales => HolidayCalendar::UkEnglandWales,
            UkNation::Scotland => HolidayCalendar::UkScotland,
            UkNation::NorthernIreland => HolidayCalendar::UkNorthernIreland,
        },
        Jurisdiction::Eu => region
            .and_then(EuCountry::parse)
            .map_or(HolidayCalendar::EuTarget, HolidayCalendar::EuNational),
        Jurisdiction::Cn => HolidayCalendar::China,
    }
}

/// A named out-of-court body for bank disputes, with where the name comes from (§9.1: name the
/// bodies, with sources). Countries beyond these: the FIN-NET member list.
pub struct AdrBody {
    pub country: &'static str,
    pub name: &'static str,
    pub source: &'static str,
}

pub const EU_BANK_ADR: &[AdrBody] = &[
    AdrBody { country: "DE", name: "Ombudsmann der privaten Banken (members of the Bundesverband deutscher Banken) or the Schlichtungsstelle der Deutschen Bundesbank", source: "bundesbank.de (Schlichtungsstelle); bankenombudsmann.de" },
    AdrBody { country: "FR", name: "the médiateur of your bank (each bank must name one; list by the CCSF/CM2C)", source: "mediateur-bancaire / economie.gouv.fr (CM2C list)" },
    AdrBody { country: "NL", name: "Kifid (Klachteninstituut Financiële Dienstverlening)", source: "kifid.nl" },
    AdrBody { country: "ES", name: "Banco de España, Departamento de Conducta de Mercado y Reclamaciones", source: "clientebancario.bde.es" },
    AdrBody { country: "IT", name: "Arbitro Bancario Finanziario (ABF)", source: "arbitrobancariofinanziario.it" },
    AdrBody { country: "IE", name: "Financial Services and Pensions Ombudsman (FSPO)", source: "fspo.ie" },
    AdrBody { country: "AT", name: "Gemeinsame Schlichtungsstelle der Österreichischen Kreditwirtschaft", source: "bankenschlichtung.at" },
    AdrBody { country: "BE", name: "Ombudsfin (Ombudsman en conflits financiers)", source: "ombudsfin.be" },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statutes_follow_reason_instrument_and_step() {
        use Instrument::*;
        use Jurisdiction::*;
        use Reason::*;
        // §9.1: goods not received on a card in the EU is a chargeback, not PSD2.
        let eu_nr = basis(Eu, DebitCard, NotReceived, Step::Bank, false, None).en;
        assert!(eu_nr.contains("chargeback") && eu_nr.contains("not a PSD2 error"));
        assert!(basis(Eu, DebitCard, NotAuthorised, Step::Bank, false, None)
            .en
            .contains("Arts 64, 71, 73"));
        // §9.2: unauthorised is s.83 / PSRs, never Section 75.
        let uk_na = basis(Uk, CreditCard, NotAuthorised, Step::Bank, true, None).en;
        assert!(uk_na.contains("s. 83") && !uk_na.contains("Section 75"));
        assert!(basis(Uk, CreditCard, FaultyGoods, Step::Bank, true, None)
            .en
            .contains("Section 75"));
        // s.75(3)(b): outside £100–£30,000, and for a duplicate debit, a chargeback only.
        assert!(!basis(Uk, CreditCard, FaultyGoods, Step::Bank, false, None)
            .en
            .contains("Section 75"));
        assert!(basis(Uk, CreditCard, DoubleCharge, Step::Bank, true, None)
            .en
            .contains("duplicate processing"));
        assert!(uk_s75_applies(CreditCard, FaultyGoods, 10_001, true));
        assert!(!uk_s75_applies(CreditCard, FaultyGoods, 10_000, true));
        assert!(!uk_s75_applies(CreditCard, FaultyGoods, 3_000_001, true));
        assert!(!uk_s75_applies(CreditCard, DoubleCharge, 50_000, true));
        assert!(!uk_s75_applies(DebitCard, FaultyGoods, 50_000, true));
        assert!(us_claims_and_defenses_open(5_000, true).is_err());
        assert!(us_claims_and_defenses_open(5_001, false).is_err());
        assert!(us_claims_and_defenses_open(5_001, true).is_ok());
        // §9.3: faulty goods on a US credit card are claims and defenses.
        let us_fg = basis(Us, CreditCard, FaultyGoods, Step::Bank, false, None).en;
        assert!(us_fg.contains("§1026.12(c)") && !us_fg.contains("§1026.13"));
        assert!(basis(Us, DebitCard, FaultyGoods, Step::Bank, false, None)
            .en
            .contains("chargeback"));
        // §9.4: 案由 and basis match the claim.
        assert_eq!(cn_cause(DebitCard, NotAuthorised), "银行卡纠纷");
        assert_eq!(cn_cause(DebitCard, DoubleCharge), "不当得利纠纷");
        assert_eq!(cn_cause(CreditCard, CancelledSubscription), "服务合同纠纷");
        assert_eq!(cn_cause(CreditCard, NotReceived), "买卖合同纠纷");
        let cn_double = basis(Cn, DebitCard, DoubleCharge, Step::Merchant, false, None).zh;
        assert!(cn_double.contains("第九百八十五条") && !cn_double.contains("第五十五条"));
    }

    #[test]
    fn a_us_transfer_of_known_kind_names_only_its_own_law() {
        use Instrument::*;
        use Jurisdiction::*;
        use Reason::*;
        for r in [NotAuthorised, DoubleCharge] {
            let wire = basis(
                Us,
                BankTransfer,
                r,
                Step::Bank,
                false,
                Some(TransferKind::Wire),
            )
            .en;
            assert!(
                wire.contains("4A-204") && !wire.contains("Regulation E"),
                "{wire}"
            );
            let ach = basis(
                Us,
                BankTransfer,
                r,
                Step::Bank,
                false,
                Some(TransferKind::Ach),
            )
            .en;
            assert!(ach.contains("Regulation E") && !ach.contains("4A"), "{ach}");
            let unknown = basis(Us, BankTransfer, r, Step::Bank, false, None).en;
            assert!(unknown.contains("Regulation E") && unknown.contains("4A"));
        }
        let court = basis(
            Us,
            BankTransfer,
            NotAuthorised,
            Step::Court,
            false,
            Some(TransferKind::Wire),
        )
        .en;
        assert!(court.contains("§4A-204") && !court.contains("1693"));
        // The kind matters only for a US bank transfer.
        assert_eq!(
            us_transfer(Uk, BankTransfer, Some(TransferKind::Wire)),
            None
        );
        assert_eq!(us_transfer(Us, DebitCard, Some(TransferKind::Wire)), None);
        assert_eq!(
            basis(
                Uk,
                BankTransfer,
                NotAuthorised,
                Step::Bank,
                false,
                Some(TransferKind::Wire)
            ),
            basis(Uk, BankTransfer, NotAuthorised, Step::Bank, false, None)
        );
    }

    #[test]
    fn combinations_that_do_not_exist_are_refused() {
        for j in Jurisdiction::ALL {
            for i in Instrument::ALL {
                assert!(step_exists(j, i, Reason::NotAuthorised, Step::Merchant).is_err());
                assert!(step_exists(j, i, Reason::NotAuthorised, Step::Bank).is_ok());
            }
            assert!(
                step_exists(j, Instrument::BankTransfer, Reason::NotReceived, Step::Bank).is_err()
            );
            assert!(step_exists(j, Instrument::DebitCard, Reason::NotReceived, Step::Bank).is_ok());
            assert!(step_exists(
                j,
                Instrument::BankTransfer,
                Reason::DoubleCharge,
                Step::Bank
            )
            .is_ok());
        }
        assert!(step_exists(
            Jurisdiction::Uk,
            Instrument::BankTransfer,
            Reason::FaultyGoods,
            Step::Association
        )
        .is_err());
    }
}
