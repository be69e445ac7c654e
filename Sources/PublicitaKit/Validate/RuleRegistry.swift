/// Every check the validate stage runs, in one list: ``Validator`` runs them,
/// ``ProjectChecks`` keeps the project rules' results between builds, and nothing
/// else combines rules by hand. The ids they report are ``RuleID``'s cases.
enum RuleRegistry {
    /// The rules of one project record, in the order their diagnostics are collected.
    static let projectRules: [any ProjectRule.Type] = [
        RegistrationNumberRule.self,
        BudgetRule.self,
        EUShareRule.self,
        PeriodRule.self,
        ContactRule.self,
        CorrectionRule.self,
        PublicityRule.self,
        TableRule.self,
    ]

    /// The rules over the whole portal.
    static let portalRules: [any PortalRule.Type] = [
        ReportRules.self,
        DiscoveryRule.self,
        CatalogRule.self,
        UniquenessRule.self,
        AddressRule.self,
        TranslationRule.self,
        LinkRule.self,
    ]
}
