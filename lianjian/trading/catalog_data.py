"""The national defaults of the trading catalog (交易目录), loaded by a data migration and editable afterwards.

Each row: (sector code, category, name, threshold in yuan, source). Regions and years override these with rows of
their own (a province's government-procurement limits change yearly).
"""

NATIONAL_DEFAULTS = [
    ("construction", "works", "工程建设项目施工", 4_000_000,
     "《必须招标的工程项目规定》（国家发展改革委令第16号，2018）第五条第（一）项：施工单项合同估算价在400万元人民币以上"),
    ("construction", "goods", "工程建设项目重要设备、材料等货物采购", 2_000_000,
     "《必须招标的工程项目规定》（国家发展改革委令第16号，2018）第五条第（二）项：重要设备、材料等货物的采购，单项合同估算价在200万元人民币以上"),
    ("construction", "services", "工程建设项目勘察、设计、监理等服务", 1_000_000,
     "《必须招标的工程项目规定》（国家发展改革委令第16号，2018）第五条第（三）项：勘察、设计、监理等服务的采购，单项合同估算价在100万元人民币以上"),
    ("government_procurement", "goods", "政府采购货物", 1_000_000,
     "《地方预算单位政府集中采购目录及标准指引（2020年版）》及国办发〔2019〕55号：分散采购限额标准货物100万元（各省可另定，按年度配置）"),
    ("government_procurement", "services", "政府采购服务", 1_000_000,
     "《地方预算单位政府集中采购目录及标准指引（2020年版）》及国办发〔2019〕55号：分散采购限额标准服务100万元（各省可另定，按年度配置）"),
    ("government_procurement", "works", "政府采购工程", 1_200_000,
     "《地方预算单位政府集中采购目录及标准指引（2020年版）》及国办发〔2019〕55号：分散采购限额标准工程120万元（各省可另定，按年度配置）"),
    ("land_mineral", "transfer", "国有建设用地使用权和矿业权出让", 0,
     "《招标拍卖挂牌出让国有建设用地使用权规定》（国土资源部令第39号）第四条：经营性用地应当以招标、拍卖或者挂牌方式出让（一律进场）"),
    ("state_property", "transfer", "企业国有产权转让", 0,
     "《企业国有资产交易监督管理办法》（国务院国资委 财政部令第32号）第十三条：产权转让原则上通过产权市场公开进行（一律进场）"),
]
