import SimCore
