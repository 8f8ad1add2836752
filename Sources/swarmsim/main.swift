import Scenario
print("swarmsim")
