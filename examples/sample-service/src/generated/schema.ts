// TODO: generated code is excluded by .debtledger.json
